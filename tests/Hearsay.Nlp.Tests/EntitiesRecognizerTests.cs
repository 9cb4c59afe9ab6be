using CsCheck;
using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;
using Hearsay.Nlp.Entities;

namespace Hearsay.Nlp.Tests;

public class EntitiesRecognizerTests
{
    private static readonly string[] People = ["Alice Smith", "Bob Jones", "Carla Diaz", "Dan Brown", "Eve Black", "Frank Moore"];
    private static readonly string[] Places = ["Paris", "Kabul", "New York", "Tokyo", "Cairo", "Lima"];
    private static readonly string[] Orgs = ["Acme Corp", "Globex", "Initech", "Umbrella Corp"];

    /// <summary>Synthetic sentences: the model must learn context ("X said", "in Y", "at Z") and name shapes.</summary>
    private static List<LabeledSentence> Synthetic()
    {
        var result = new List<LabeledSentence>();
        for (int i = 0; i < 120; i++)
        {
            result.Add(Sentence(People[i % People.Length].Split(' '), Places[(i / 2) % Places.Length].Split(' '), Orgs[(i / 3) % Orgs.Length].Split(' ')));
        }

        return result;
    }

    /// <summary>"PERSON said in PLACE that the deal with ORG was good ." with its three names labelled.</summary>
    internal static LabeledSentence Sentence(string[] person, string[] place, string[] org)
    {
        var words = new List<string>();
        var spans = new List<EntitySpan>();
        void Add(string[] w, EntityLabel? label)
        {
            if (label is { } l)
            {
                spans.Add(new EntitySpan(words.Count, words.Count + w.Length, l));
            }

            words.AddRange(w);
        }

        Add(person, EntityLabel.Person);
        Add(["said", "in"], null);
        Add(place, EntityLabel.Loc);
        Add(["that", "the", "deal", "with"], null);
        Add(org, EntityLabel.Org);
        Add(["was", "good", "."], null);
        return new LabeledSentence([.. words], [.. spans]);
    }

    private static NerModel TrainSmall() =>
        new NerTrainer(new NerTrainerOptions { Epochs = 5, BucketBits = 14, GazetteerFolds = 2 }, TextWriter.Null).Train(Synthetic(), null);

    [Fact]
    public void Learns_synthetic_names_and_generalises_by_context()
    {
        var model = TrainSmall();
        var (text, tokens) = NerTrainer.Join(["Bob", "Jones", "said", "in", "Cairo", "that", "the", "deal", "with", "Globex", "was", "good", "."]);
        model.Predict(text, tokens).ShouldBe([
            new EntitySpan(0, 2, EntityLabel.Person), new EntitySpan(4, 5, EntityLabel.Loc), new EntitySpan(9, 10, EntityLabel.Org)]);
    }

    [Fact]
    public void Save_and_load_give_the_same_predictions() => ShouldRoundTrip(TrainSmall(), Synthetic().Take(10));

    /// <summary>Saves <paramref name="model"/>, loads it back and checks both tag <paramref name="sentences"/> alike.</summary>
    internal static void ShouldRoundTrip(NerModel model, IEnumerable<LabeledSentence> sentences)
    {
        var path = Path.Combine(Path.GetTempPath(), $"hearsay-ner-{Guid.NewGuid():N}.bin");
        try
        {
            model.Save(path);
            var loaded = NerModel.Load(path);
            loaded.Version.ShouldBe(model.Version);
            foreach (var s in sentences)
            {
                var (text, tokens) = NerTrainer.Join(s.Words);
                loaded.Predict(text, tokens).ShouldBe(model.Predict(text, tokens));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_file_that_is_not_a_model_is_a_clear_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hearsay-ner-{Guid.NewGuid():N}.bin");
        File.WriteAllText(path, "Ahmad B-PER\n");
        try
        {
            Should.Throw<InvalidDataException>(() => NerModel.Load(path)).Message.ShouldContain(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Training_is_reproducible_with_a_fixed_seed()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"hearsay-ner-{Guid.NewGuid():N}");
        try
        {
            TrainSmall().Save(Path.Combine(dir, "a.bin"));
            TrainSmall().Save(Path.Combine(dir, "b.bin"));
            File.ReadAllBytes(Path.Combine(dir, "a.bin")).ShouldBe(File.ReadAllBytes(Path.Combine(dir, "b.bin")));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void Stage_writes_mentions_with_char_and_token_ranges_of_the_document()
    {
        var model = TrainSmall();
        var doc = EntitiesTestData.Tokenize("an intro line here .\nEve Black said in New York that the deal with Initech was good .");
        var stage = new EntityRecognizer(model);
        DocumentPipeline.Build([stage], Layers.Text | Layers.Tokens | Layers.Sentences).Run(doc);
        doc.Has(Layers.Mentions).ShouldBeTrue();
        doc.Mentions.Select(m => (doc.Slice(m.Range), m.Label, m.Kind)).ShouldBe([
            ("Eve Black", EntityLabel.Person, MentionKind.Name), ("New York", EntityLabel.Loc, MentionKind.Name), ("Initech", EntityLabel.Org, MentionKind.Name)]);
        foreach (var m in doc.Mentions)
        {
            doc.CharRangeOf(m.Tokens).ShouldBe(m.Range);
        }
    }

    [Fact]
    public void Stage_requires_tokens_and_sentences_only()
    {
        var stage = new EntityRecognizer(TrainSmall());
        stage.Requires.ShouldBe(Layers.Tokens | Layers.Sentences);
        Should.Throw<PipelineValidationException>(() => DocumentPipeline.Build([stage], Layers.Text | Layers.Tokens));
    }

    [Fact]
    public void Bilou_decoding_never_yields_a_broken_span()
    {
        var model = TrainSmall();
        string[] vocab = ["Bob", "Jones", "said", "in", "Cairo", "the", ".", "Globex", "New", "York", "x"];
        Gen.Int[0, vocab.Length - 1].Array[1, 30].Sample(ids =>
        {
            var words = ids.Select(i => vocab[i]).ToArray();
            var (text, tokens) = NerTrainer.Join(words);
            var spans = model.Predict(text, tokens);
            int prevEnd = 0;
            foreach (var s in spans)
            {
                s.Start.ShouldBeGreaterThanOrEqualTo(prevEnd);
                s.End.ShouldBeGreaterThan(s.Start);
                s.End.ShouldBeLessThanOrEqualTo(words.Length);
                prevEnd = s.End;
            }
        });
    }

    [Fact]
    public void Shipped_model_finds_people_and_places_in_a_news_sentence()
    {
        var stage = EntityRecognizer.LoadDefault();
        var doc = EntitiesTestData.Tokenize("Zahir Aghbar , the ousted ambassador to Tajikistan , said that Ahmad Massoud remains in Afghanistan .");
        stage.Process(doc, CancellationToken.None);
        var found = doc.Mentions.Select(m => (doc.Slice(m.Range), m.Label)).ToList();
        found.ShouldContain(("Ahmad Massoud", EntityLabel.Person));
        found.ShouldContain(("Afghanistan", EntityLabel.Loc));
        found.ShouldContain(("Tajikistan", EntityLabel.Loc));
    }
}
