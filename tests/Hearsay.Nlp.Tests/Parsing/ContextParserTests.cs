using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;
using Hearsay.Nlp.Conllu;
using Hearsay.Nlp.Parsing;

namespace Hearsay.Nlp.Tests.Parsing;

/// <summary>The accurate mode's contextual parser scorer on a tiny synthetic treebank (made-up words and vectors).</summary>
public class ContextParserTests
{
    private const int Dimension = 16;

    private static readonly ContextParserSettings Settings = new(Epochs: 2, Seed: 3, Projection: 8, Hidden: 8, LabelHidden: 8, HeldOutEvery: 5);

    private static readonly Lazy<(List<ConlluSentence> Sentences, float[][] Vectors, ParserModel Perceptron)> Treebank = new(() =>
    {
        var random = new Random(5);
        var sentences = new List<ConlluSentence>();
        var vectors = new List<float[]>();
        for (int k = 0; k < 40; k++)
        {
            // det noun [adj-less] verb det noun punct: subject and object nouns under the verb, the verb under the root.
            var s = new ConlluSentence();
            (string Form, string Upos, int Head, string Rel)[] words =
            [
                ("da" + (k % 3), "DET", 2, "det"), ("nx" + (k % 7), "NOUN", 3, "nsubj"), ("vb" + (k % 5), "VERB", 0, "root"),
                ("db" + (k % 2), "DET", 5, "det"), ("ny" + (k % 6), "NOUN", 3, "obj"), (".", "PUNCT", 3, "punct"),
            ];
            for (int i = 0; i < words.Length; i++)
            {
                var w = words[i];
                s.Words.Add(new ConlluWord { Id = i + 1, Form = w.Form, Upos = w.Upos, Xpos = w.Upos, Head = w.Head, DepRel = w.Rel });
            }

            sentences.Add(s);
            var v = new float[words.Length * Dimension];
            for (int i = 0; i < v.Length; i++)
            {
                v[i] = (float)((random.NextDouble() * 0.2) + (i % Dimension == words[i / Dimension].Upos.Length ? 1 : 0));
            }

            vectors.Add(v);
        }

        return (sentences, vectors.ToArray(), ParserTrainer.Train(sentences, 2, 1, "test", TextWriter.Null));
    });

    private static ContextParserNetwork Train()
    {
        var (sentences, vectors, perceptron) = Treebank.Value;
        return ContextParserTrainer.Train(sentences, vectors, Dimension, "test/mean", perceptron, perceptron.LabelNames, Settings, TextWriter.Null);
    }

    private static byte[] Bytes(ContextParserNetwork network)
    {
        var path = Path.Combine(Path.GetTempPath(), "hearsay-context-parser-" + Guid.NewGuid().ToString("N") + ".bin");
        try
        {
            network.Save(path);
            return File.ReadAllBytes(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int[][] ParseAll(ContextParserNetwork network)
    {
        var (sentences, vectors, perceptron) = Treebank.Value;
        var result = new List<int[]>();
        var context = new ContextParse(network);
        for (int k = 0; k < sentences.Count; k++)
        {
            var s = sentences[k];
            int n = s.Words.Count;
            var tree = new SentenceTree();
            tree.Reset(n);
            var markers = new bool[n + 1];
            for (int i = 0; i < n; i++)
            {
                DependencyParser.Fill(tree, i, s.Words[i].Form, s.Words[i].Xpos, s.Words[i].Upos, markers);
            }

            DependencyParser.FillRoot(tree);
            context.Begin(vectors[k], n);
            var labels = new int[n];
            DependencyParser.Parse(perceptron, tree, new ParserState(), markers, labels, context);
            result.Add([.. tree.Heads[..n], .. labels]);
        }

        return [.. result];
    }

    [Fact]
    public void Training_twice_gives_the_same_file_and_a_reloaded_network_parses_the_same()
    {
        var first = Train();
        var bytes = Bytes(first);
        Bytes(Train()).ShouldBe(bytes);

        var path = Path.Combine(Path.GetTempPath(), "hearsay-context-parser-" + Guid.NewGuid().ToString("N") + ".bin");
        try
        {
            File.WriteAllBytes(path, bytes);
            var loaded = ContextParserNetwork.Load(path);
            Bytes(loaded).ShouldBe(bytes);
            loaded.LabelNames.ShouldBe(Treebank.Value.Perceptron.LabelNames);
            ParseAll(loaded).ShouldBe(ParseAll(first));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_network_alone_learns_the_synthetic_trees()
    {
        var network = Train();
        network.TransitionPerceptronWeight = 0;
        network.TransitionScale = 1;
        var (sentences, _, _) = Treebank.Value;
        var parses = ParseAll(network);
        int correct = 0, total = 0;
        for (int k = 0; k < sentences.Count; k++)
        {
            int n = sentences[k].Words.Count;
            for (int i = 0; i < n; i++)
            {
                total++;
                int gold = sentences[k].Words[i].Head;
                correct += parses[k][i] == (gold == 0 ? n : gold - 1) ? 1 : 0;
            }
        }

        ((double)correct / total).ShouldBeGreaterThan(0.5);
    }

    [Fact]
    public void A_parser_with_the_contextual_scorer_needs_the_encoder_stage()
    {
        var perceptron = Treebank.Value.Perceptron;
        var accurate = new DependencyParser(perceptron, 0, Train());
        accurate.Requires.HasFlag(Layers.ContextVectors).ShouldBeTrue();
        accurate.BeamWidth.ShouldBe(1);
        var syntax = Layers.Text | Layers.Tokens | Layers.Sentences | Layers.PartOfSpeech;
        Should.Throw<PipelineValidationException>(() => DocumentPipeline.Build([accurate], syntax));
        DocumentPipeline.Build([accurate], syntax | Layers.ContextVectors).ShouldNotBeNull();

        // The fast default reads no vectors.
        new DependencyParser(perceptron).Requires.HasFlag(Layers.ContextVectors).ShouldBeFalse();
    }

    [Fact]
    public void A_network_whose_relations_differ_from_the_parser_is_refused()
    {
        var perceptron = Treebank.Value.Perceptron;
        var other = Train().WithLabels([.. perceptron.LabelNames.Reverse()]);
        Should.Throw<InvalidDataException>(() => new DependencyParser(perceptron, 0, other));
    }
}
