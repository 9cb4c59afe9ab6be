using Hearsay.Core.Documents;
using Hearsay.Core.Learning;
using Hearsay.Nlp.Entities;

namespace Hearsay.Nlp.Tests;

public class EntitiesWindowScorerTests
{
    private static readonly string[] Vocabulary =
        ["[PAD]", "[UNK]", "said", "in", "that", "the", "deal", "with", "was", "good", ".", "alice", "bob", "carla", "smith", "jones", "diaz",
         "paris", "kabul", "tokyo", "lima", "acme", "globex", "corp", "init", "##ech", "new", "york"];

    /// <summary>Random but fixed vectors, names of one kind near each other, as in a real embedding table.</summary>
    private static WordEmbeddings Embeddings()
    {
        const int dim = 16;
        var rng = new Random(7);
        var vectors = new float[Vocabulary.Length * dim];
        for (int r = 0; r < Vocabulary.Length; r++)
        {
            int kind = Vocabulary[r] switch
            {
                "alice" or "bob" or "carla" or "smith" or "jones" or "diaz" => 1,
                "paris" or "kabul" or "tokyo" or "lima" or "new" or "york" => 2,
                "acme" or "globex" or "corp" or "init" or "##ech" => 3,
                _ => 0,
            };
            for (int k = 0; k < dim; k++)
            {
                vectors[(r * dim) + k] = (rng.NextSingle() * 0.3f) + (k % 4 == kind ? 1 : 0);
            }
        }

        return WordEmbeddings.FromTable(vectors, dim, Vocabulary);
    }

    private static List<LabeledSentence> Synthetic()
    {
        string[][] people = [["Alice", "Smith"], ["Bob", "Jones"], ["Carla", "Diaz"]];
        string[][] places = [["Paris"], ["Kabul"], ["New", "York"], ["Tokyo"]];
        string[][] orgs = [["Acme", "Corp"], ["Globex"], ["Initech"]];
        var result = new List<LabeledSentence>();
        for (int i = 0; i < 90; i++)
        {
            var sentence = EntitiesRecognizerTests.Sentence(people[i % 3], places[(i / 3) % 4], orgs[(i / 2) % 3]);
            sentence.Document = i / 10;
            result.Add(sentence);
        }

        return result;
    }

    private static NerModel Train(float? scale, int seed = 1) =>
        new NerTrainer(new NerTrainerOptions { Epochs = 4, BucketBits = 14, GazetteerFolds = 2, Seed = seed, NetworkEpochs = 3, NetworkDim = 8, NetworkHidden = 16, NetworkScale = scale, NetworkHoldout = 0.2 }, TextWriter.Null)
            .Train(Synthetic(), null, embeddings: Embeddings());

    [Fact]
    public void A_model_with_a_scorer_tags_names_and_loads_back_identically()
    {
        var model = Train(scale: 2);
        var (text, tokens) = NerTrainer.Join(["Bob", "Jones", "said", "in", "Tokyo", "that", "the", "deal", "with", "Globex", "was", "good", "."]);
        model.Predict(text, tokens).ShouldBe([
            new EntitySpan(0, 2, EntityLabel.Person), new EntitySpan(4, 5, EntityLabel.Loc), new EntitySpan(9, 10, EntityLabel.Org)]);
        EntitiesRecognizerTests.ShouldRoundTrip(model, Synthetic().Take(12));
    }

    [Fact]
    public void Training_is_deterministic_and_the_weight_is_chosen_without_dev()
    {
        var first = Train(scale: null);
        var second = Train(scale: null);
        var a = Path.Combine(Path.GetTempPath(), $"hearsay-ner-net-{Guid.NewGuid():N}.bin");
        var b = Path.Combine(Path.GetTempPath(), $"hearsay-ner-net-{Guid.NewGuid():N}.bin");
        try
        {
            first.Save(a);
            second.Save(b);
            File.ReadAllBytes(a).ShouldBe(File.ReadAllBytes(b));
        }
        finally
        {
            File.Delete(a);
            File.Delete(b);
        }
    }
}
