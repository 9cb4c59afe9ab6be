using Hearsay.Attribution.Tagging;
using Hearsay.Core.Learning;

namespace Hearsay.Attribution.Tests;

public class WindowScorerTests
{
    // Each speech verb is seen as a cue in training; "proclaimed" never is, only its vector says it is like them.
    private static readonly string[] Verbs = ["said", "claimed", "insisted", "argued", "stated", "added", "noted", "warned"];
    private static readonly string[] Names = ["ann", "bob", "cy", "dee"];
    private static readonly string[] Vocabulary =
        [.. new[] { "[PAD]", "[UNK]", "the", "deal", "was", "off", "ate", "cake", ".", ",", "proclaimed" }, .. Verbs, .. Names];

    /// <summary>Random but fixed vectors, speech verbs near each other and names near each other, as in a real embedding table.</summary>
    private static WordEmbeddings Embeddings()
    {
        const int dim = 8;
        var rng = new Random(5);
        var vectors = new float[Vocabulary.Length * dim];
        for (int r = 0; r < Vocabulary.Length; r++)
        {
            int kind = Vocabulary[r] == "proclaimed" || Verbs.Contains(Vocabulary[r]) ? 1 : Names.Contains(Vocabulary[r]) ? 2 : 0;
            for (int k = 0; k < dim; k++)
            {
                vectors[(r * dim) + k] = (rng.NextSingle() * 0.3f) + (k % 3 == kind ? 1 : 0);
            }
        }

        return WordEmbeddings.FromTable(vectors, dim, Vocabulary);
    }

    private static LabeledSentence S(string id, string text, string labels) =>
        new(id, text.Split(' '), null, labels.Split(' ').Select(l => BioLabels.Parse(l)!.Value).ToArray());

    /// <summary>Units of several documents (ids "docK_annotator"), so that a share of the documents can be held out.</summary>
    private static List<LabeledSentence> Toy()
    {
        var data = new List<LabeledSentence>();
        for (int k = 0; k < Verbs.Length; k++)
        {
            string n = Names[k % Names.Length], v = Verbs[k], id = $"doc{k}_a";
            data.Add(S(id, $"{n} {v} the deal was off .", "B-source B-cue B-content I-content I-content I-content O"));
            data.Add(S(id, $"the deal was off , {n} {v} .", "B-content I-content I-content I-content O B-source B-cue O"));
            data.Add(S(id, $"{n} ate the cake .", "O O O O O"));
        }

        return data;
    }

    private static WindowScorer Network(IReadOnlyList<LabeledSentence> units, float scale) =>
        new WindowScorerTrainer(new WindowScorerSettings { Epochs = 30, Dim = 8, Hidden = 16 }, TextWriter.Null)
            .Train("test", units.Select(s => (s.Tokens, s.Labels)).ToArray(), Embeddings(), BioLabels.Count, new Random(1), CancellationToken.None)
            .WithScale(scale);

    [Fact]
    public void TheScorersLogProbabilitiesJoinTheEmissionsAndSurviveSaveLoad()
    {
        var words = "ann proclaimed the deal was off .".Split(' ');
        var plain = new TaggerTrainer { Epochs = 5, Seed = 3, MinFeatureCount = 1 }.Train(Toy(), null, TextWriter.Null);
        plain.Scorer.ShouldBeNull();
        var scorer = Network(Toy(), 2);
        var tagger = new TaggerTrainer { Epochs = 5, Seed = 3, MinFeatureCount = 1, Scorer = scorer }.Train(Toy(), null, TextWriter.Null);
        tagger.Scorer.ShouldBe(scorer);

        // Same perceptron (same recipe and seed), plus exactly the scorer's weighted log-probabilities.
        var network = new float[words.Length * BioLabels.Count];
        var (text, tokens) = Hearsay.Core.Documents.PretokenizedText.Join(words);
        scorer.Score(text, tokens, network);
        var with = tagger.Lattice(words, null, null, null).Emissions;
        var without = plain.Lattice(words, null, null, null).Emissions;
        for (int k = 0; k < with.Length; k++)
        {
            with[k].ShouldBe(without[k] + network[k], 1e-4f);
        }

        var path = Path.Combine(Path.GetTempPath(), $"hearsay-attr-network-{Guid.NewGuid():N}.bin.gz");
        try
        {
            tagger.Save(path, 0.0001f);
            var loaded = AttributionTagger.Load(path);
            loaded.Scorer.ShouldNotBeNull();
            loaded.Scorer.Scale.ShouldBe(2);
            loaded.Predict(words).ShouldBe(tagger.Predict(words));

            // Saved again, the same bytes; a tagger without a scorer writes none.
            var again = path + ".again";
            loaded.Save(again, 0.0001f);
            File.ReadAllBytes(again).ShouldBe(File.ReadAllBytes(path));
            File.Delete(again);
            plain.Save(path, 0.0001f);
            AttributionTagger.Load(path).Scorer.ShouldBeNull();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheNetworkAloneTagsAnUnseenSpeechVerbAsACue()
    {
        // Weight 1000: the network decides; a word near the speech verbs in the table is a cue.
        var tagger = new TaggerTrainer { Epochs = 5, Seed = 3, MinFeatureCount = 1, Scorer = Network(Toy(), 1000) }.Train(Toy(), null, TextWriter.Null);
        tagger.Predict("the deal was off , dee proclaimed .".Split(' ')).Select(BioLabels.Name)
            .ShouldBe(["B-content", "I-content", "I-content", "I-content", "O", "B-source", "B-cue", "O"]);
    }

    [Fact]
    public void TheOptionChoosesTheWeightOnHeldOutTrainingDocuments()
    {
        var log = new StringWriter();
        var trainer = new TaggerTrainer { Epochs = 3, Seed = 3, MinFeatureCount = 1, NetworkEpochs = 2, Embeddings = Embeddings(), ThresholdHoldout = 0.25 };
        var tagger = trainer.Train(Toy(), null, log);
        var text = log.ToString();
        text.ShouldContain("window scorer: weight chosen on 6 held-out units");
        text.ShouldContain("window scorer held-out: weight 1000");
        var chosen = text.Split('\n').Single(l => l.StartsWith("window scorer: weight ", StringComparison.Ordinal) && !l.Contains("chosen", StringComparison.Ordinal));
        (tagger.Scorer is null).ShouldBe(chosen.StartsWith("window scorer: weight 0 ", StringComparison.Ordinal));
    }
}
