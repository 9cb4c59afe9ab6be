using System.Diagnostics;
using System.Globalization;
using Hearsay.Core.Documents;

namespace Hearsay.Core.Learning;

/// <summary>
/// Trains the window scorer (<see cref="WindowNetwork"/>): a learned matrix projects each token's unit MiniLM vector
/// (its whole-word row, else the mean of its pieces' rows) to <see cref="WindowScorerSettings.Dim"/> dimensions;
/// token-level softmax cross-entropy over the classes (NER's BILOU tags, the POS tagger's tags, attribution labels), Adam, one sentence per step, dropout on the hidden layer,
/// one thread and fixed seeds (byte-reproducible on one machine). Afterwards every vocabulary row is projected once
/// (<see cref="WindowScorer.Table"/>), so running it needs no projection.
/// </summary>
public sealed class WindowScorerTrainer
{
    private const float Beta1 = 0.9f, Beta2 = 0.999f, Epsilon = 1e-8f;
    private readonly WindowScorerSettings _options;
    private readonly TextWriter _log;

    public WindowScorerTrainer(WindowScorerSettings options, TextWriter log)
    {
        _options = options;
        _log = log;
    }

    /// <summary>
    /// Trains on words with one gold class per word (any tag set of <paramref name="classes"/> classes, e.g. the POS
    /// tagger's); <paramref name="rng"/> continues the seeded sequence (initial weights, shuffling, dropout).
    /// </summary>
    public WindowScorer Train(string name, IReadOnlyList<(string[] Words, int[] Gold)> sentences, WordEmbeddings embeddings, int classes, Random rng, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        int dim = _options.Dim, src = embeddings.Dim;
        var network = new WindowNetwork(dim, _options.Hidden, classes);
        int unit = network.Unit, hiddenSize = network.Hidden, t = classes;
        var examples = new List<(float[] Inputs, int[] Rows, int[] Counts, int[] Gold)>(sentences.Count);
        foreach (var (words, gold) in sentences)
        {
            var (text, tokens) = PretokenizedText.Join(words);
            int n = tokens.Length;
            var inputs = new float[n * unit];
            var rows = new int[n * WordPieces.MaxPieces];
            var counts = new int[n];
            network.Describe(text, tokens, embeddings.Pieces, inputs, rows, counts);
            examples.Add((inputs, rows, counts, gold));
        }

        var projection = new float[src * dim];
        Fill(projection, MathF.Sqrt(3f), rng);
        Fill(network.W1, MathF.Sqrt(6f / ((WindowNetwork.Width * unit) + hiddenSize)), rng);
        Fill(network.W2, MathF.Sqrt(6f / (hiddenSize + t)), rng);
        var parameters = new[] { projection, network.W1, network.B1, network.W2, network.B2 };
        var grads = Array.ConvertAll(parameters, p => new float[p.Length]);
        var first = Array.ConvertAll(parameters, p => new float[p.Length]);
        var second = Array.ConvertAll(parameters, p => new float[p.Length]);
        var gProjection = grads[0];
        var gW1 = grads[1];
        var gB1 = grads[2];
        var gW2 = grads[3];
        var gB2 = grads[4];

        int maxN = examples.Max(e => e.Gold.Length);
        var mean = new float[maxN * src];
        var pre = new float[maxN * hiddenSize];
        var act = new float[maxN * hiddenSize];
        var gInputs = new float[maxN * dim];
        var gHidden = new float[hiddenSize];
        var scores = new float[t];
        var order = Enumerable.Range(0, examples.Count).ToArray();
        float dropout = _options.Dropout, keep = 1 - dropout;
        long step = 0;
        long totalSteps = (long)examples.Count * _options.Epochs;
        _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {examples.Count} sentences, {src}-d MiniLM rows -> {dim}, window {WindowNetwork.Width}, hidden {hiddenSize}, dropout {dropout}, Adam lr {_options.Rate} [{clock.Elapsed.TotalSeconds:F0}s]"));
        for (int epoch = 1; epoch <= _options.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rng.Shuffle(order);
            double loss = 0;
            long correct = 0, total = 0;
            foreach (int e in order)
            {
                var (inputs, rows, counts, gold) = examples[e];
                int n = gold.Length;
                if (n == 0)
                {
                    continue;
                }

                foreach (var g in grads)
                {
                    Array.Clear(g);
                }

                // Word vectors: the mean unit row of the token's pieces, projected.
                for (int i = 0; i < n; i++)
                {
                    var m = mean.AsSpan(i * src, src);
                    m.Clear();
                    float share = 1f / counts[i];
                    for (int k = 0; k < counts[i]; k++)
                    {
                        WindowNetwork.AddScaled(embeddings.Vectors.AsSpan(rows[(i * WordPieces.MaxPieces) + k] * src, src), share, m);
                    }

                    var v = inputs.AsSpan(i * unit, dim);
                    v.Clear();
                    for (int k = 0; k < src; k++)
                    {
                        WindowNetwork.AddScaled(projection.AsSpan(k * dim, dim), m[k], v);
                    }
                }

                Array.Clear(gInputs, 0, n * dim);
                for (int i = 0; i < n; i++)
                {
                    var h = act.AsSpan(i * hiddenSize, hiddenSize);
                    network.HiddenInput(inputs, n, i, h);
                    for (int k = 0; k < hiddenSize; k++)
                    {
                        // Inverted dropout: a dropped unit gets 0, a kept one is scaled so the expected input stays.
                        float mask = dropout > 0 ? (rng.NextSingle() < dropout ? 0 : 1 / keep) : 1;
                        pre[(i * hiddenSize) + k] = h[k] > 0 ? mask : 0;
                        h[k] = h[k] > 0 ? h[k] * mask : 0;
                    }

                    network.Output(h, scores);
                    WindowNetwork.LogSoftmax(scores);
                    correct += WindowNetwork.ArgMax(scores) == gold[i] ? 1 : 0;
                    total++;
                    loss -= scores[gold[i]];
                    WindowNetwork.OutputGradient(scores, gold[i], h, network.W2, gW2, gB2, gHidden);

                    for (int k = 0; k < hiddenSize; k++)
                    {
                        gHidden[k] *= pre[(i * hiddenSize) + k];
                    }

                    WindowNetwork.AddScaled(gHidden, 1, gB1);
                    WindowNetwork.WindowGradient(gHidden, inputs, unit, WindowNetwork.Radius, n, i, network.W1, gW1, gInputs, dim);
                }

                for (int j = 0; j < n; j++)
                {
                    var gv = gInputs.AsSpan(j * dim, dim);
                    var m = mean.AsSpan(j * src, src);
                    for (int k = 0; k < src; k++)
                    {
                        WindowNetwork.AddScaled(gv, m[k], gProjection.AsSpan(k * dim, dim));
                    }
                }

                step++;
                float rate = _options.Rate * (1 - (0.9f * step / totalSteps));
                Adam(parameters, grads, first, second, step, rate);
            }

            _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: epoch {epoch} loss {loss / Math.Max(1, total):F4} token accuracy {(double)correct / Math.Max(1, total):P2} [{clock.Elapsed.TotalSeconds:F0}s]"));
        }

        // Every vocabulary row once through the projection, rounded as the model file stores it.
        int vocabulary = embeddings.Rows;
        var table = new float[vocabulary * dim];
        for (int r = 0; r < vocabulary; r++)
        {
            var v = table.AsSpan(r * dim, dim);
            var row = embeddings.Vectors.AsSpan(r * src, src);
            for (int k = 0; k < src; k++)
            {
                WindowNetwork.AddScaled(projection.AsSpan(k * dim, dim), row[k], v);
            }

            for (int d = 0; d < dim; d++)
            {
                v[d] = (float)(Half)v[d];
            }
        }

        _log.WriteLine($"{name}: trained in {clock.Elapsed.TotalSeconds:F0}s, {vocabulary} rows projected");
        return new WindowScorer(embeddings.Pieces, table, network, 1);
    }

    /// <summary>Uniform initial weights in [-bound, bound] from the seeded sequence (also the contextual scorers').</summary>
    public static void Fill(float[] weights, float bound, Random rng)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = ((2 * rng.NextSingle()) - 1) * bound;
        }
    }

    /// <summary>One Adam step over every parameter array (also the contextual scorers').</summary>
    public static void Adam(float[][] parameters, float[][] grads, float[][] first, float[][] second, long step, float rate)
    {
        float c1 = 1 - MathF.Pow(Beta1, step), c2 = 1 - MathF.Pow(Beta2, step);
        float alpha = rate * MathF.Sqrt(c2) / c1;
        for (int a = 0; a < parameters.Length; a++)
        {
            var p = parameters[a];
            var g = grads[a];
            var m = first[a];
            var v = second[a];
            for (int i = 0; i < p.Length; i++)
            {
                m[i] = (Beta1 * m[i]) + ((1 - Beta1) * g[i]);
                v[i] = (Beta2 * v[i]) + ((1 - Beta2) * g[i] * g[i]);
                p[i] -= alpha * m[i] / (MathF.Sqrt(v[i]) + Epsilon);
            }
        }
    }
}
