using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;
using Hearsay.Nlp.Conllu;
using Hearsay.Nlp.Contextual;
using Hearsay.Nlp.Tagging;

namespace Hearsay.Nlp.Tests.Contextual;

public class ContextTokenScorerTests
{
    private const int Dim = 8;

    private const string Corpus =
        "1\tthe\tthe\tDET\tDT\t_\t2\tdet\t_\t_\n2\tcats\tcat\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n3\tsleep\tsleep\tVERB\tVBP\t_\t0\troot\t_\t_\n\n" +
        "1\ta\ta\tDET\tDT\t_\t2\tdet\t_\t_\n2\tdogs\tdog\tNOUN\tNNS\t_\t3\tnsubj\t_\t_\n3\tbark\tbark\tVERB\tVBP\t_\t0\troot\t_\t_\n\n";

    /// <summary>Synthetic "contextual" vectors: dimension (class) is high, the rest noise, so the class is learnable from the vector alone.</summary>
    private static float[] VectorsOf(int[] classes, Random rng)
    {
        var v = new float[classes.Length * Dim];
        for (int i = 0; i < classes.Length; i++)
        {
            for (int d = 0; d < Dim; d++)
            {
                v[(i * Dim) + d] = (rng.NextSingle() * 0.5f) + (d == classes[i] ? 2 : 0);
            }
        }

        return v;
    }

    private static List<(IReadOnlyList<string> Words, float[] Vectors, int[] Gold)> Synthetic()
    {
        var rng = new Random(5);
        var data = new List<(IReadOnlyList<string>, float[], int[])>();
        for (int s = 0; s < 60; s++)
        {
            var gold = Enumerable.Range(0, 5).Select(_ => rng.Next(3)).ToArray();
            var words = gold.Select(c => c == 0 ? "Word" : "word").ToArray();
            data.Add((words, VectorsOf(gold, rng), gold));
        }

        return data;
    }

    private static ContextTokenScorer Train(int radius) =>
        new("test", ContextEncoder.SourceName, ["a", "b", "c"], 2, new ContextTokenTrainer(new ContextTokenSettings { Epochs = 10, Hidden = 16, Rate = 0.01f, Radius = radius, Centred = radius > 0 }, TextWriter.Null)
            .Train("test", Synthetic(), Dim, 3, new Random(1), CancellationToken.None));

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void The_scorer_learns_and_reloads_identically_and_trains_reproducibly(int radius)
    {
        var scorer = Train(radius);
        var path = Path.Combine(Path.GetTempPath(), $"hearsay-context-{Guid.NewGuid():N}.bin");
        var again = path + ".again";
        try
        {
            scorer.Save(path);
            var loaded = ContextTokenScorer.Load(path);
            loaded.Scale.ShouldBe(2);
            loaded.Network.Centred.ShouldBe(radius > 0);
            var gold = new[] { 2, 0, 1, 1 };
            var vectors = VectorsOf(gold, new Random(9));
            string[] words = ["word", "Word", "word", "word"];
            int[] map = [0, 1, 2];
            var before = new float[words.Length * 3];
            var after = new float[words.Length * 3];
            scorer.Score(words, vectors, map, before);
            loaded.Score(words, vectors, map, after);
            after.ShouldBe(before);
            for (int i = 0; i < words.Length; i++)
            {
                var row = before.AsSpan(i * 3, 3).ToArray();
                Array.IndexOf(row, row.Max()).ShouldBe(gold[i]);
            }

            // A second training run writes the same bytes (fixed seeds, one thread).
            Train(radius).Save(again);
            File.ReadAllBytes(again).ShouldBe(File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
            File.Delete(again);
        }
    }

    [Fact]
    public void An_ensemble_averages_its_networks_log_probabilities_reloads_identically_and_its_first_network_is_the_single_seed()
    {
        var settings = new ContextTokenSettings { Epochs = 10, Hidden = 16, Rate = 0.01f, Ensemble = 3 };
        var networks = new ContextTokenTrainer(settings, TextWriter.Null).TrainEnsemble("test", Synthetic(), Dim, 3, 1, CancellationToken.None);
        networks.Length.ShouldBe(3);
        var ensemble = new ContextTokenScorer("test", ContextEncoder.SourceName, ["a", "b", "c"], 2, networks);
        settings.Describe().ShouldEndWith("-x3");

        string[] words = ["word", "Word", "word"];
        var vectors = VectorsOf([2, 0, 1], new Random(9));
        int[] map = [0, 1, 2];
        var expected = new float[words.Length * 3];
        var one = new float[words.Length * 3];
        foreach (var network in networks)
        {
            new ContextTokenScorer("one", ContextEncoder.SourceName, ["a", "b", "c"], 2, network).Score(words, vectors, map, one);
            for (int j = 0; j < one.Length; j++)
            {
                expected[j] += one[j] / 3;
            }
        }

        var scores = new float[words.Length * 3];
        ensemble.Score(words, vectors, map, scores);
        scores.ShouldBe(expected, tolerance: 1e-4);

        var single = Train(0);
        new ContextTokenScorer("one", ContextEncoder.SourceName, ["a", "b", "c"], 2, networks[0]).Score(words, vectors, map, one);
        var alone = new float[words.Length * 3];
        single.Score(words, vectors, map, alone);
        one.ShouldBe(alone);

        var path = Path.Combine(Path.GetTempPath(), $"hearsay-context-{Guid.NewGuid():N}.bin");
        try
        {
            ensemble.Save(path);
            var loaded = ContextTokenScorer.Load(path);
            loaded.Networks.Count.ShouldBe(3);
            var after = new float[words.Length * 3];
            loaded.Score(words, vectors, map, after);
            after.ShouldBe(scores);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_class_the_network_never_saw_gets_the_tokens_lowest_score()
    {
        var scorer = Train(0);
        scorer.MapClasses(["c", "x", "a"]).ShouldBe([2, -1, 0]);
        var output = new float[3];
        scorer.Score(["word"], VectorsOf([1], new Random(2)), [2, -1, 0], output);
        output[1].ShouldBe(Math.Min(output[0], output[2]), tolerance: 1e-6);
    }

    [Fact]
    public void A_tagger_with_a_contextual_model_needs_the_encoder_before_it()
    {
        var train = ConlluReader.Read(new StringReader(string.Concat(Enumerable.Repeat(Corpus, 5))));
        var model = TaggerTrainer.Train(train, null, 2, 1, "test", TextWriter.Null);
        var names = Enumerable.Range(0, model.ClassCount).Select(c => model.Upos[c] + "\t" + model.Xpos[c]).ToArray();
        var network = new ContextTokenTrainer(new ContextTokenSettings { Epochs = 1, Hidden = 16 }, TextWriter.Null)
            .Train("test", [.. train.Select(s => ((IReadOnlyList<string>)s.Words.Select(w => w.Form).ToArray(), new float[s.Words.Count * Dim], new int[s.Words.Count]))], Dim, names.Length, new Random(1), CancellationToken.None);
        var tagger = new PosTagger(model, new ContextTokenScorer("test", ContextEncoder.SourceName, names, 1, network));
        tagger.Requires.HasFlag(Layers.ContextVectors).ShouldBeTrue();
        new PosTagger(model).Requires.HasFlag(Layers.ContextVectors).ShouldBeFalse();
        Should.Throw<PipelineValidationException>(() => DocumentPipeline.Build([tagger], Layers.Text | Layers.Tokens | Layers.Sentences));

        // With the vectors present it tags.
        var pipeline = DocumentPipeline.Build([tagger], Layers.Text | Layers.Tokens | Layers.Sentences | Layers.ContextVectors);
        var document = ConlluDocuments.FromGoldTokens(train.Take(1).ToList());
        document.SetContextVectors(new TokenVectors(new float[document.Tokens.Length * Dim], Dim, ContextEncoder.SourceName));
        pipeline.Run(document);
        document.Tokens[1].Upos.ShouldBe("NOUN");
    }
}
