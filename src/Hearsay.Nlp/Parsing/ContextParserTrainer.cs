using System.Diagnostics;
using System.Globalization;
using Hearsay.Core.Learning;
using Hearsay.Nlp.Conllu;

namespace Hearsay.Nlp.Parsing;

/// <summary>Sizes and schedule of <see cref="ContextParserTrainer"/>.</summary>
/// <param name="Explore">Probability of following a wrong prediction from epoch 2 (error exploration; Kiperwasser and Goldberg 2016 use 0.1).</param>
public sealed record ContextParserSettings(int Epochs, int Seed, int Projection = 96, int Hidden = 128, int LabelHidden = 128, float LearningRate = 0.001f, double Explore = 0.1, int HeldOutEvery = 10);

/// <summary>
/// Trains a <see cref="ContextParserNetwork"/> over frozen contextual vectors: transitions along the arc-hybrid dynamic
/// oracle (the loss is minus the log of the probability of all zero-cost actions; the path follows the best zero-cost
/// action, or from epoch 2 a wrong prediction with probability <see cref="ContextParserSettings.Explore"/>), labels
/// on every gold arc; Adam, one step per sentence. Every <see cref="ContextParserSettings.HeldOutEvery"/>-th sentence is
/// held out: the scales that add the network's log-probabilities to the perceptron's scores are chosen on those
/// (with the POS columns the caller gave them), never on dev. Seeded, one thread, deterministic.
/// </summary>
public static class ContextParserTrainer
{
    private static readonly float[] Scales = [0.25f, 0.5f, 1, 2, 4, 8, 16, 32, 64];

    private sealed class Sentence
    {
        public required ConlluSentence Words { get; init; }

        public required float[] Vectors { get; init; }

        public required int[] Heads { get; init; }

        public required int[] Labels { get; init; }
    }

    /// <summary>Whether training sentence <paramref name="index"/> is held out (scale choice only).</summary>
    public static bool IsHeldOut(int index, ContextParserSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return index % settings.HeldOutEvery == 0;
    }

    /// <param name="vectors">The contextual vectors of each sentence (words x <paramref name="dimension"/>).</param>
    /// <param name="perceptron">A parser trained without the held-out sentences (<see cref="IsHeldOut"/>): the scales are
    /// chosen with it, since a parser that saw them parses them almost perfectly.</param>
    /// <param name="labelNames">The relation classes of the parser the network will be shipped with.</param>
    public static ContextParserNetwork Train(IReadOnlyList<ConlluSentence> train, IReadOnlyList<float[]> vectors, int dimension, string source, ParserModel perceptron, string[] labelNames, ContextParserSettings settings, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(perceptron);
        ArgumentNullException.ThrowIfNull(labelNames);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        var watch = Stopwatch.StartNew();
        var labelIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < perceptron.LabelNames.Length; i++)
        {
            labelIndex[perceptron.LabelNames[i]] = i;
        }

        var learn = new List<Sentence>();
        var heldOut = new List<Sentence>();
        int skipped = 0;
        for (int i = 0; i < train.Count; i++)
        {
            if (ToSentence(train[i], vectors[i], dimension, labelIndex) is not { } s)
            {
                skipped++;
                continue;
            }

            (IsHeldOut(i, settings) ? heldOut : learn).Add(s);
        }

        // Non-projective trees have no zero-cost path; they still teach the labeler.
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parser-context: {learn.Count} training sentences, {heldOut.Count} held out (every {settings.HeldOutEvery}th), {skipped} skipped (bad heads or unknown relation); projection {settings.Projection}, hidden {settings.Hidden}, label hidden {settings.LabelHidden}, epochs {settings.Epochs}, seed {settings.Seed}, Adam lr {settings.LearningRate}, exploration {settings.Explore} from epoch 2"));
        var network = new ContextParserNetwork(source, dimension, settings.Projection, settings.Hidden, settings.LabelHidden, perceptron.LabelNames);
        var random = new Random(settings.Seed);
        Initialize(network, random);
        var learner = new Learner(network, settings.LearningRate);
        var order = Enumerable.Range(0, learn.Count).ToArray();
        for (int epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            random.Shuffle(order);
            double loss = 0, labelLoss = 0;
            long steps = 0, arcs = 0;
            foreach (int k in order)
            {
                var (l, s, ll, a) = learner.Learn(learn[k], epoch > 1 ? settings.Explore : 0, random);
                loss += l;
                steps += s;
                labelLoss += ll;
                arcs += a;
            }

            var (uas, las) = Score(perceptron, network, heldOut, 0, 1, 0, 1);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parser-context: epoch {epoch}: transition loss {loss / Math.Max(1, steps):0.0000}, label loss {labelLoss / Math.Max(1, arcs):0.0000}; held-out network alone uas {uas:0.0000} las {las:0.0000}; {watch.Elapsed.TotalSeconds:0}s"));
        }

        ChooseScales(perceptron, network, heldOut, log);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parser-context: done in {watch.Elapsed.TotalSeconds:0}s"));
        return network.WithLabels(labelNames);
    }

    private static Sentence? ToSentence(ConlluSentence s, float[] vectors, int dimension, Dictionary<string, int> labelIndex)
    {
        int n = s.Words.Count;
        if (vectors.Length != n * dimension)
        {
            throw new ArgumentException($"a sentence of {n} words has {vectors.Length} vector values.", nameof(vectors));
        }

        var heads = new int[n];
        var labels = new int[n];
        for (int i = 0; i < n; i++)
        {
            var w = s.Words[i];
            if (w.Head < 0 || w.Head > n || !labelIndex.TryGetValue(w.DepRel, out int l))
            {
                return null;
            }

            heads[i] = w.Head == 0 ? n : w.Head - 1;
            labels[i] = l;
        }

        return new Sentence { Words = s, Vectors = vectors, Heads = heads, Labels = labels };
    }

    private static void Initialize(ContextParserNetwork network, Random random)
    {
        // Glorot-uniform weights; the root and empty-slot vectors start small; biases at zero.
        Fill(network.Project, network.Input, network.Projection, random);
        Fill(network.Root, network.Projection, 1, random);
        Fill(network.Pad, network.Projection, 1, random);
        Fill(network.W1, ContextParserNetwork.Slots * network.Projection, network.Hidden, random);
        Fill(network.W2, network.Hidden, ParserState.ActionCount, random);
        Fill(network.LabelW1, 2 * network.Projection, network.LabelHidden, random);
        Fill(network.LabelDistance, ContextParserNetwork.DistanceBuckets, network.LabelHidden, random);
        Fill(network.LabelW2, network.LabelHidden, network.LabelNames.Length, random);
    }

    private static void Fill(float[] weights, int fanIn, int fanOut, Random random)
    {
        float limit = MathF.Sqrt(6f / (fanIn + fanOut));
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)(((random.NextDouble() * 2) - 1) * limit);
        }
    }

    /// <summary>
    /// Transition scales first (labels by the perceptron alone), then label scales over the chosen transitions; each
    /// grid holds the perceptron alone, the perceptron plus scaled log-probabilities, and the network alone.
    /// </summary>
    private static void ChooseScales(ParserModel perceptron, ContextParserNetwork network, List<Sentence> heldOut, TextWriter log)
    {
        var grid = new List<(float Weight, float Scale)> { (1, 0) };
        grid.AddRange(Scales.Select(s => (1f, s)));
        grid.Add((0, 1));
        (float Weight, float Scale) bestT = (1, 0);
        double best = -1;
        foreach (var (w, s) in grid)
        {
            var (uas, las) = Score(perceptron, network, heldOut, w, s, 1, 0);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parser-context: held-out transitions perceptron x{w} + network x{s}: uas {uas:0.0000} las {las:0.0000}"));
            if (las > best)
            {
                (best, bestT) = (las, (w, s));
            }
        }

        (float Weight, float Scale) bestL = (1, 0);
        best = -1;
        foreach (var (w, s) in grid)
        {
            var (uas, las) = Score(perceptron, network, heldOut, bestT.Weight, bestT.Scale, w, s);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parser-context: held-out labels perceptron x{w} + network x{s}: uas {uas:0.0000} las {las:0.0000}"));
            if (las > best)
            {
                (best, bestL) = (las, (w, s));
            }
        }

        (network.TransitionPerceptronWeight, network.TransitionScale) = bestT;
        (network.LabelPerceptronWeight, network.LabelScale) = bestL;
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parser-context: chosen transitions perceptron x{bestT.Weight} + network x{bestT.Scale}, labels perceptron x{bestL.Weight} + network x{bestL.Scale}: held-out las {best:0.0000}"));
    }

    /// <summary>Unlabeled and labeled attachment (full relation) of the combined greedy parser on <paramref name="sentences"/>.</summary>
    private static (double Uas, double Las) Score(ParserModel perceptron, ContextParserNetwork network, List<Sentence> sentences, float transitionWeight, float transitionScale, float labelWeight, float labelScale)
    {
        var saved = (network.TransitionPerceptronWeight, network.TransitionScale, network.LabelPerceptronWeight, network.LabelScale);
        (network.TransitionPerceptronWeight, network.TransitionScale, network.LabelPerceptronWeight, network.LabelScale) = (transitionWeight, transitionScale, labelWeight, labelScale);
        var tree = new SentenceTree();
        var state = new ParserState();
        var context = new ContextParse(network);
        long words = 0, heads = 0, labeled = 0;
        foreach (var s in sentences)
        {
            int n = s.Words.Words.Count;
            tree.Reset(n);
            var markers = new bool[n + 1];
            var labels = new int[n];
            for (int i = 0; i < n; i++)
            {
                var w = s.Words.Words[i];
                DependencyParser.Fill(tree, i, w.Form, w.Xpos, w.Upos, markers);
            }

            DependencyParser.FillRoot(tree);
            context.Begin(s.Vectors, n);
            DependencyParser.Parse(perceptron, tree, state, markers, labels, context);
            for (int i = 0; i < n; i++)
            {
                words++;
                if (tree.Heads[i] == s.Heads[i])
                {
                    heads++;
                    labeled += labels[i] == s.Labels[i] ? 1 : 0;
                }
            }
        }

        (network.TransitionPerceptronWeight, network.TransitionScale, network.LabelPerceptronWeight, network.LabelScale) = saved;
        return ((double)heads / Math.Max(1, words), (double)labeled / Math.Max(1, words));
    }

    /// <summary>Gradients, Adam moments and the scratch of one sentence's forward and backward passes.</summary>
    private sealed class Learner
    {
        private readonly ContextParserNetwork _net;
        private readonly float _rate;
        private readonly float[][] _parameters;
        private readonly float[][] _gradients;
        private readonly float[][] _m;
        private readonly float[][] _v;
        private readonly ParserState _state = new();
        private readonly int[] _slots = new int[ContextParserNetwork.Slots];
        private readonly float[] _z;
        private readonly float[] _dz;
        private readonly float[] _hidden;
        private readonly float[] _dh;
        private readonly float[] _labelHidden;
        private readonly float[] _dlh;
        private readonly float[] _labelScores;
        private readonly float[] _scores = new float[ParserState.ActionCount];
        private readonly int[] _costs = new int[ParserState.ActionCount];
        private float[] _projected = [];
        private float[] _dProjected = [];
        private int _step;

        public Learner(ContextParserNetwork network, float rate)
        {
            _net = network;
            _rate = rate;
            _parameters = network.Parameters;
            _gradients = [.. _parameters.Select(p => new float[p.Length])];
            _m = [.. _parameters.Select(p => new float[p.Length])];
            _v = [.. _parameters.Select(p => new float[p.Length])];
            _z = new float[ContextParserNetwork.Slots * network.Projection];
            _dz = new float[_z.Length];
            _hidden = new float[network.Hidden];
            _dh = new float[network.Hidden];
            _labelHidden = new float[network.LabelHidden];
            _dlh = new float[network.LabelHidden];
            _labelScores = new float[network.LabelNames.Length];
        }

        /// <returns>Summed transition loss and steps, summed label loss and arcs.</returns>
        public (double Loss, int Steps, double LabelLoss, int Arcs) Learn(Sentence s, double explore, Random random)
        {
            int n = s.Heads.Length, p = _net.Projection;
            int size = (n + 2) * p;
            if (_projected.Length < size)
            {
                _projected = new float[size];
                _dProjected = new float[size];
            }

            _net.ProjectSentence(s.Vectors, n, _projected);
            Array.Clear(_dProjected, 0, size);
            double loss = 0, labelLoss = 0;
            int steps = 0, arcs = 0;
            if (ParserTrainer.IsProjective(s.Heads))
            {
                (loss, steps) = Transitions(s, explore, random);
            }

            for (int d = 0; d < n; d++)
            {
                if (s.Heads[d] != n)
                {
                    labelLoss += Label(s.Heads[d], d, s.Labels[d]);
                    arcs++;
                }
            }

            // The projection's gradient: one outer product per word, summed over all the configurations it was in.
            var dProject = _gradients[0];
            for (int w = 0; w < n; w++)
            {
                var x = s.Vectors.AsSpan(w * _net.Input, _net.Input);
                for (int k = 0; k < p; k++)
                {
                    float g = _dProjected[(w * p) + k];
                    if (g != 0)
                    {
                        WindowNetwork.AddScaled(x, g, dProject.AsSpan(k * _net.Input, _net.Input));
                    }
                }
            }

            WindowNetwork.AddScaled(_dProjected.AsSpan(n * p, p), 1, _gradients[1]);
            WindowNetwork.AddScaled(_dProjected.AsSpan((n + 1) * p, p), 1, _gradients[2]);
            Step();
            return (loss, steps, labelLoss, arcs);
        }

        private (double Loss, int Steps) Transitions(Sentence s, double explore, Random random)
        {
            int n = s.Heads.Length, p = _net.Projection, width = ContextParserNetwork.Slots * p;
            var dW1 = _gradients[3];
            var dB1 = _gradients[4];
            var dW2 = _gradients[5];
            var dB2 = _gradients[6];
            double loss = 0;
            int steps = 0;
            _state.Reset(n);
            while (!_state.IsTerminal)
            {
                ContextParserNetwork.SlotsOf(_state, _slots);
                _net.Gather(_projected, _slots, _z);
                _net.TransitionScores(_z, _hidden, _scores);
                ContextParse.LogSoftmaxValid(_state, _scores);
                float zeroCost = 0;
                int guess = -1, truth = -1;
                for (int a = 0; a < ParserState.ActionCount; a++)
                {
                    _costs[a] = _state.IsValid(a) ? _state.Cost(a, s.Heads) : int.MaxValue;
                    if (_costs[a] == int.MaxValue)
                    {
                        continue;
                    }

                    if (guess < 0 || _scores[a] > _scores[guess])
                    {
                        guess = a;
                    }

                    if (_costs[a] == 0)
                    {
                        zeroCost += MathF.Exp(_scores[a]);
                        if (truth < 0 || _scores[a] > _scores[truth])
                        {
                            truth = a;
                        }
                    }
                }

                if (truth < 0)
                {
                    break; // cannot happen on a projective tree; guards against a cost-function surprise
                }

                zeroCost = Math.Max(zeroCost, 1e-30f);
                loss -= Math.Log(zeroCost);
                steps++;

                // d(-log sum_{zero cost} p) / d logit_a = p_a - [a zero-cost] p_a / sum.
                Array.Clear(_dh);
                for (int a = 0; a < ParserState.ActionCount; a++)
                {
                    if (_costs[a] == int.MaxValue)
                    {
                        continue;
                    }

                    float pa = MathF.Exp(_scores[a]);
                    float g = pa - (_costs[a] == 0 ? pa / zeroCost : 0);
                    if (g == 0)
                    {
                        continue;
                    }

                    dB2[a] += g;
                    WindowNetwork.AddScaled(_hidden, g, dW2.AsSpan(a * _net.Hidden, _net.Hidden));
                    WindowNetwork.AddScaled(_net.W2.AsSpan(a * _net.Hidden, _net.Hidden), g, _dh);
                }

                Array.Clear(_dz);
                for (int h = 0; h < _net.Hidden; h++)
                {
                    float g = _hidden[h] > 0 ? _dh[h] : 0;
                    if (g == 0)
                    {
                        continue;
                    }

                    dB1[h] += g;
                    WindowNetwork.AddScaled(_z, g, dW1.AsSpan(h * width, width));
                    WindowNetwork.AddScaled(_net.W1.AsSpan(h * width, width), g, _dz);
                }

                for (int i = 0; i < ContextParserNetwork.Slots; i++)
                {
                    WindowNetwork.AddScaled(_dz.AsSpan(i * p, p), 1, _dProjected.AsSpan(_slots[i] * p, p));
                }

                int next = _costs[guess] > 0 && explore > 0 && random.NextDouble() < explore ? guess : truth;
                var (head, dep) = _state.ArcOf(next);
                int label = dep >= 0 && head == s.Heads[dep] ? s.Labels[dep] : -1;
                _state.Apply(next, label);
            }

            return (loss, steps);
        }

        private double Label(int head, int dependent, int gold)
        {
            int p = _net.Projection, width = 2 * p, lh = _net.LabelHidden;
            var dW1 = _gradients[7];
            var dDistance = _gradients[8];
            var dB1 = _gradients[9];
            var dW2 = _gradients[10];
            var dB2 = _gradients[11];
            _net.LabelScores(_projected, head, dependent, _labelHidden, _labelScores);
            WindowNetwork.LogSoftmax(_labelScores);
            double loss = -_labelScores[gold];
            Array.Clear(_dlh);
            for (int c = 0; c < _labelScores.Length; c++)
            {
                float g = MathF.Exp(_labelScores[c]) - (c == gold ? 1 : 0);
                dB2[c] += g;
                WindowNetwork.AddScaled(_labelHidden, g, dW2.AsSpan(c * lh, lh));
                WindowNetwork.AddScaled(_net.LabelW2.AsSpan(c * lh, lh), g, _dlh);
            }

            int bucket = ContextParserNetwork.BucketOf(head, dependent);
            var ph = _projected.AsSpan(head * p, p);
            var pd = _projected.AsSpan(dependent * p, p);
            var dph = _dProjected.AsSpan(head * p, p);
            var dpd = _dProjected.AsSpan(dependent * p, p);
            for (int h = 0; h < lh; h++)
            {
                float g = _labelHidden[h] > 0 ? _dlh[h] : 0;
                if (g == 0)
                {
                    continue;
                }

                dB1[h] += g;
                dDistance[(bucket * lh) + h] += g;
                var row = dW1.AsSpan(h * width, width);
                WindowNetwork.AddScaled(ph, g, row[..p]);
                WindowNetwork.AddScaled(pd, g, row[p..]);
                var weights = _net.LabelW1.AsSpan(h * width, width);
                WindowNetwork.AddScaled(weights[..p], g, dph);
                WindowNetwork.AddScaled(weights[p..], g, dpd);
            }

            return loss;
        }

        /// <summary>One Adam step over every parameter with the summed gradients of the sentence, which it then clears.</summary>
        private void Step()
        {
            WindowScorerTrainer.Adam(_parameters, _gradients, _m, _v, ++_step, _rate);
            foreach (var g in _gradients)
            {
                Array.Clear(g);
            }
        }
    }
}
