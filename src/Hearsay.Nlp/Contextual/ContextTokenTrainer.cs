using System.Diagnostics;
using System.Globalization;
using Hearsay.Core.Learning;

namespace Hearsay.Nlp.Contextual;

/// <summary>Hyper-parameters of <see cref="ContextTokenTrainer"/>.</summary>
public sealed record ContextTokenSettings
{
    public int Epochs { get; init; } = 4;

    public int Radius { get; init; }

    public int Hidden { get; init; } = 256;

    /// <summary>Dropout on the hidden layer.</summary>
    public float Dropout { get; init; } = 0.2f;

    /// <summary>Adam's initial step; it decays linearly to a tenth.</summary>
    public float Rate { get; init; } = 1e-3f;

    /// <summary>Subtract each sentence's mean vector first (<see cref="ContextTokenNetwork.Centred"/>).</summary>
    public bool Centred { get; init; }

    /// <summary>Networks trained alike from seeds seed, seed + 1, ... whose log-probabilities are averaged (1: a single network).</summary>
    public int Ensemble { get; init; } = 1;

    /// <summary>Short form for versions and logs, e.g. "e4-r0-h256-d0.2-c" ("-x3" for an ensemble of three).</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"e{Epochs}-r{Radius}-h{Hidden}-d{Dropout}{(Centred ? "-c" : "")}{(Ensemble > 1 ? $"-x{Ensemble}" : "")}");
}

/// <summary>
/// Trains a <see cref="ContextTokenNetwork"/> on sentences with one gold class per word and their contextual vectors:
/// per-dimension standardisation from the training vectors, token-level softmax cross-entropy, Adam with one sentence
/// per step, inverted dropout on the hidden layer; one thread and a seeded <see cref="Random"/> (initial weights,
/// order, dropout), so a run is byte-reproducible on one machine.
/// </summary>
public sealed class ContextTokenTrainer
{
    private readonly ContextTokenSettings _settings;
    private readonly TextWriter _log;

    public ContextTokenTrainer(ContextTokenSettings settings, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(log);
        _settings = settings;
        _log = log;
    }

    /// <summary>
    /// <see cref="ContextTokenSettings.Ensemble"/> networks, network k trained as <see cref="Train"/> with
    /// <c>new Random(seed + k)</c> (so the first is the single network of that seed), on up to one thread per core;
    /// each network depends only on its own seed, so the result does not depend on the thread count.
    /// </summary>
    public ContextTokenNetwork[] TrainEnsemble(string name, IReadOnlyList<(IReadOnlyList<string> Words, float[] Vectors, int[] Gold)> sentences, int dim, int classes, int seed, CancellationToken cancellationToken)
    {
        int count = Math.Max(1, _settings.Ensemble);
        if (count == 1)
        {
            return [Train(name, sentences, dim, classes, new Random(seed), cancellationToken)];
        }

        var networks = new ContextTokenNetwork[count];
        var log = TextWriter.Synchronized(_log);
        var member = new ContextTokenTrainer(_settings, log);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Min(count, Environment.ProcessorCount), CancellationToken = cancellationToken };
        Parallel.For(0, count, parallel, k =>
            networks[k] = member.Train(string.Create(CultureInfo.InvariantCulture, $"{name} [{k + 1}/{count}, seed {seed + k}]"), sentences, dim, classes, new Random(seed + k), cancellationToken));
        return networks;
    }

    /// <summary>Trains over <paramref name="classes"/> classes; each sentence's vectors are words x <paramref name="dim"/>, row-major.</summary>
    public ContextTokenNetwork Train(string name, IReadOnlyList<(IReadOnlyList<string> Words, float[] Vectors, int[] Gold)> sentences, int dim, int classes, Random rng, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(rng);
        var clock = Stopwatch.StartNew();
        var network = new ContextTokenNetwork(dim, _settings.Radius, _settings.Hidden, classes, _settings.Centred);
        Standardise(network, sentences);
        int unit = network.Unit, hiddenSize = network.Hidden, width = network.Width;
        WindowScorerTrainer.Fill(network.W1, MathF.Sqrt(6f / ((width * unit) + hiddenSize)), rng);
        WindowScorerTrainer.Fill(network.W2, MathF.Sqrt(6f / (hiddenSize + classes)), rng);
        var parameters = new[] { network.W1, network.B1, network.W2, network.B2 };
        var grads = Array.ConvertAll(parameters, p => new float[p.Length]);
        var first = Array.ConvertAll(parameters, p => new float[p.Length]);
        var second = Array.ConvertAll(parameters, p => new float[p.Length]);
        var (gW1, gB1, gW2, gB2) = (grads[0], grads[1], grads[2], grads[3]);

        int maxN = sentences.Max(s => s.Gold.Length);
        var inputs = new float[maxN * unit];
        var mask = new float[hiddenSize];
        var h = new float[hiddenSize];
        var gHidden = new float[hiddenSize];
        var scores = new float[classes];
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        float dropout = _settings.Dropout, keep = 1 - dropout;
        long step = 0, totalSteps = (long)sentences.Count * _settings.Epochs;
        _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {sentences.Count} sentences, {dim}-d contextual vectors standardised + {ContextTokenNetwork.ShapeCount} shape inputs, window {width}, hidden {hiddenSize}, dropout {dropout}, {classes} classes, {_settings.Epochs} epochs, Adam lr {_settings.Rate}"));
        for (int epoch = 1; epoch <= _settings.Epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rng.Shuffle(order);
            double loss = 0;
            long correct = 0, total = 0;
            foreach (int e in order)
            {
                var (words, vectors, gold) = sentences[e];
                int n = gold.Length;
                if (n == 0)
                {
                    continue;
                }

                foreach (var g in grads)
                {
                    Array.Clear(g);
                }

                network.Describe(words, vectors, inputs);
                for (int i = 0; i < n; i++)
                {
                    network.HiddenInput(inputs, n, i, h);
                    for (int k = 0; k < hiddenSize; k++)
                    {
                        // Inverted dropout: a dropped unit gets 0, a kept one is scaled so the expected input stays.
                        float m = h[k] <= 0 ? 0 : dropout > 0 && rng.NextSingle() < dropout ? 0 : 1 / keep;
                        mask[k] = m;
                        h[k] *= m;
                    }

                    network.Output(h, scores);
                    WindowNetwork.LogSoftmax(scores);
                    correct += WindowNetwork.ArgMax(scores) == gold[i] ? 1 : 0;
                    total++;
                    loss -= scores[gold[i]];
                    WindowNetwork.OutputGradient(scores, gold[i], h, network.W2, gW2, gB2, gHidden);

                    for (int k = 0; k < hiddenSize; k++)
                    {
                        gHidden[k] *= mask[k];
                    }

                    WindowNetwork.AddScaled(gHidden, 1, gB1);
                    WindowNetwork.WindowGradient(gHidden, inputs, unit, network.Radius, n, i, network.W1, gW1, [], 0);
                }

                step++;
                WindowScorerTrainer.Adam(parameters, grads, first, second, step, _settings.Rate * (1 - (0.9f * step / totalSteps)));
            }

            _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: epoch {epoch} loss {loss / Math.Max(1, total):F4} token accuracy {(double)correct / Math.Max(1, total):F4} [{clock.Elapsed.TotalSeconds:F0}s]"));
        }

        return network;
    }

    /// <summary>Mean and inverse deviation of each dimension over every training token (in double, so the order of the sum does not matter much).</summary>
    private static void Standardise(ContextTokenNetwork network, IReadOnlyList<(IReadOnlyList<string> Words, float[] Vectors, int[] Gold)> sentences)
    {
        int dim = network.Dim;
        var sum = new double[dim];
        var squares = new double[dim];
        long count = 0;
        var centre = new float[dim];
        foreach (var (_, vectors, _) in sentences)
        {
            int n = vectors.Length / dim;
            if (network.Centred && n > 0)
            {
                ContextTokenNetwork.SentenceMean(vectors, n, dim, centre);
            }

            for (int i = 0; i + dim <= vectors.Length; i += dim)
            {
                for (int d = 0; d < dim; d++)
                {
                    double v = vectors[i + d] - centre[d];
                    sum[d] += v;
                    squares[d] += v * v;
                }

                count++;
            }
        }

        for (int d = 0; d < dim; d++)
        {
            double mean = sum[d] / Math.Max(1, count);
            double variance = Math.Max(0, (squares[d] / Math.Max(1, count)) - (mean * mean));
            network.Mean[d] = (float)mean;
            network.Scale[d] = (float)(1 / Math.Sqrt(variance + 1e-6));
        }
    }
}
