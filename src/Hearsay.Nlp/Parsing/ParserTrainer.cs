using System.Diagnostics;
using System.Globalization;
using Hearsay.Nlp.Conllu;
using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Parsing;

/// <summary>
/// Trains a <see cref="ParserModel"/>: the transition classifier with the arc-hybrid dynamic oracle and error
/// exploration (Goldberg and Nivre 2013), the labeler on the correct arcs met along the way (features at arc time). The POS columns of the sentences are the tags
/// the parser learns from (pass predicted tags to match what it will see). Seeded and deterministic.
/// </summary>
public static class ParserTrainer
{
    internal sealed class Item
    {
        public required ConlluSentence Sentence { get; init; }

        public required int[] GoldHeads { get; init; }

        public required int[] GoldLabels { get; init; }

        public required bool Projective { get; init; }
    }

    /// <param name="beamWidth">1: greedy with the dynamic oracle; more: beam search with max-violation global updates (see <see cref="BeamTrainer"/>).</param>
    public static ParserModel Train(IReadOnlyList<ConlluSentence> train, int epochs, int seed, string version, TextWriter log, Func<ParserModel, int, string>? evaluate = null, int beamWidth = 1)
    {
        var watch = Stopwatch.StartNew();
        var labelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var labelNames = new List<string>();
        var items = new List<Item>();
        int nonProjective = 0, words = 0;
        foreach (var s in train)
        {
            int n = s.Words.Count;
            var heads = new int[n];
            var labels = new int[n];
            bool ok = true;
            for (int i = 0; i < n; i++)
            {
                var w = s.Words[i];
                if (w.Head < 0 || w.Head > n)
                {
                    ok = false;
                    break;
                }

                heads[i] = w.Head == 0 ? n : w.Head - 1;
                if (!labelIndex.TryGetValue(w.DepRel, out int l))
                {
                    l = labelIndex[w.DepRel] = labelNames.Count;
                    labelNames.Add(w.DepRel);
                }

                labels[i] = l;
            }

            if (!ok)
            {
                continue;
            }

            bool projective = IsProjective(heads);
            nonProjective += projective ? 0 : 1;
            words += n;
            items.Add(new Item { Sentence = s, GoldHeads = heads, GoldLabels = labels, Projective = projective });
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parser: {items.Count} sentences ({nonProjective} non-projective, skipped), {words} words, {labelNames.Count} relations; epochs {epochs}, seed {seed}, {(beamWidth > 1 ? $"beam {beamWidth}, max-violation updates" : "exploration p=0.9 from epoch 2")}; features updated once are dropped"));
        var transitions = new AveragedPerceptron(ParserState.ActionCount, 1 << 18);
        var labeler = new AveragedPerceptron(labelNames.Count, 1 << 16);
        var random = new Random(seed);
        var order = Enumerable.Range(0, items.Count).ToArray();
        var tree = new SentenceTree();
        var state = new ParserState();
        var markers = new bool[1024];
        Span<ulong> features = stackalloc ulong[ParserFeatures.Count];
        Span<ulong> lf = stackalloc ulong[LabelFeatures.Count];
        Span<float> scores = stackalloc float[ParserState.ActionCount];
        var ls = new float[labelNames.Count];
        Span<int> costs = stackalloc int[ParserState.ActionCount];
        ParserModel? model = null;
        if (!labelIndex.TryGetValue("root", out int rootLabel))
        {
            rootLabel = -1;
        }

        var beam = beamWidth > 1 ? new BeamTrainer(items, transitions, labeler, rootLabel, beamWidth) : null;
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            if (beam is not null)
            {
                EndEpoch(epoch, beam.Epoch(order));
                continue;
            }

            long steps = 0, errors = 0, labelErrors = 0, arcs = 0;
            foreach (int ii in order)
            {
                var item = items[ii];
                int n = item.Sentence.Words.Count;
                if (!item.Projective)
                {
                    continue;
                }

                Load(item, tree, ref markers);

                state.Reset(n);
                while (!state.IsTerminal)
                {
                    ParserFeatures.Extract(state.Context(), tree.Words, tree.Tags, tree.Upos, features);
                    transitions.Score(features, scores);
                    int guess = -1, truth = -1;
                    for (int a = 0; a < ParserState.ActionCount; a++)
                    {
                        if (!state.IsValid(a))
                        {
                            costs[a] = int.MaxValue;
                            continue;
                        }

                        costs[a] = state.Cost(a, item.GoldHeads);
                        if (guess < 0 || scores[a] > scores[guess])
                        {
                            guess = a;
                        }

                        if (costs[a] == 0 && (truth < 0 || scores[a] > scores[truth]))
                        {
                            truth = a;
                        }
                    }

                    transitions.Tick();
                    steps++;
                    int next = guess;
                    if (truth >= 0)
                    {
                        if (costs[guess] > 0)
                        {
                            errors++;
                            transitions.Update(features, truth, guess);
                        }

                        next = epoch > 1 && random.NextDouble() < 0.9 ? guess : truth;
                    }

                    var (h, d) = state.ArcOf(next);
                    int label = -1;
                    if (d >= 0)
                    {
                        if (h == n)
                        {
                            label = rootLabel;
                        }
                        else
                        {
                            LabelFeatures.Extract(tree, h, d, state.KidsOf(d), lf);
                            labeler.Score(lf, ls);
                            int predicted = ArgMaxExcept(ls, rootLabel);
                            label = predicted;
                            if (h == item.GoldHeads[d])
                            {
                                // Correct arcs teach the labeler and keep their gold relation (later features see it).
                                labeler.Tick();
                                arcs++;
                                if (predicted != item.GoldLabels[d])
                                {
                                    labelErrors++;
                                    labeler.Update(lf, item.GoldLabels[d], predicted);
                                }

                                label = item.GoldLabels[d];
                            }
                        }
                    }

                    state.Apply(next, label, d >= 0 && markers[d]);
                }
            }

            EndEpoch(epoch, string.Create(CultureInfo.InvariantCulture, $"transition errors {(double)errors / Math.Max(1, steps):0.0000}, label errors {(double)labelErrors / Math.Max(1, arcs):0.0000}"));
        }

        model ??= Snapshot();
        ParserModel Snapshot() => new(version, transitions.Average(0.0005f, minUpdates: 2), labeler.Average(0.0005f, minUpdates: 2), [.. labelNames.Select(string.Intern)], beamWidth);

        void EndEpoch(int epoch, string progress)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"parser: epoch {epoch}: {progress}, {watch.Elapsed.TotalSeconds:0}s");
            if (evaluate is not null && (epoch == epochs || epoch % 5 == 0 || beamWidth > 1))
            {
                model = Snapshot();
                line += "; dev " + evaluate(model, epoch);
            }

            log.WriteLine(line);
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parser: {model.Transitions.FeatureCount} transition features, {model.Labels.FeatureCount} label features, {model.Labels.WeightCount} label weights; {watch.Elapsed.TotalSeconds:0}s"));
        return model;
    }

    /// <summary>Fills <paramref name="tree"/> and the function-word markers with the words of <paramref name="item"/>.</summary>
    internal static void Load(Item item, SentenceTree tree, ref bool[] markers)
    {
        var s = item.Sentence;
        int n = s.Words.Count;
        if (markers.Length < n)
        {
            markers = new bool[n + 64];
        }

        tree.Reset(n);
        for (int i = 0; i < n; i++)
        {
            var w = s.Words[i];
            DependencyParser.Fill(tree, i, w.Form, w.Xpos, w.Upos, markers);
        }

        DependencyParser.FillRoot(tree);
    }

    internal static int ArgMaxExcept(ReadOnlySpan<float> scores, int except)
    {
        int best = -1;
        for (int c = 0; c < scores.Length; c++)
        {
            if (c != except && (best < 0 || scores[c] > scores[best]))
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>Whether no two arcs cross (heads local, n = root).</summary>
    public static bool IsProjective(ReadOnlySpan<int> heads)
    {
        int n = heads.Length;
        for (int d = 0; d < n; d++)
        {
            int h = heads[d];
            int lo = Math.Min(h, d), hi = Math.Max(h, d);
            for (int k = lo + 1; k < hi; k++)
            {
                // Every word between a head and its dependent must descend from the head.
                int a = k, guard = 0;
                while (a != h && a != n && a >= 0 && guard++ <= n)
                {
                    a = heads[a];
                }

                if (a != h)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
