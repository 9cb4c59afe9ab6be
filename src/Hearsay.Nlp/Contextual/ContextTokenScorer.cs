using Hearsay.Core.Learning;
using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Contextual;

/// <summary>
/// A trained <see cref="ContextTokenNetwork"/> with its class names and the weight of its log-probabilities when a
/// stage adds them to its own scores (the accurate mode's tagger and NER). The class names let a stage map the
/// network's classes onto its own model's numbering, and <see cref="Source"/> names the encoder whose vectors it was
/// trained on. Stored as its own gzip-compressed file beside the fast model, which stays untouched.
/// A scorer may hold several networks trained alike from different seeds (an ensemble): their log-probabilities are
/// averaged before scaling, which removes much of one network's seed noise.
/// </summary>
public sealed class ContextTokenScorer
{
    private const uint Magic = 0x3154_4348; // "HCT1": one network

    private const uint EnsembleMagic = 0x3254_4348; // "HCT2": a count, then the networks

    public ContextTokenScorer(string version, string source, string[] classes, float scale, ContextTokenNetwork network)
        : this(version, source, classes, scale, [network])
    {
    }

    public ContextTokenScorer(string version, string source, string[] classes, float scale, IReadOnlyList<ContextTokenNetwork> networks)
    {
        ArgumentNullException.ThrowIfNull(classes);
        ArgumentNullException.ThrowIfNull(networks);
        if (networks.Count == 0)
        {
            throw new ArgumentException("a contextual scorer needs at least one network.", nameof(networks));
        }

        foreach (var network in networks)
        {
            if (classes.Length != network.Classes || network.Dim != networks[0].Dim)
            {
                throw new ArgumentException($"{classes.Length} class names and {networks[0].Dim}-d vectors for a network of {network.Classes} classes over {network.Dim}-d vectors.", nameof(networks));
            }
        }

        Version = version;
        Source = source;
        ClassNames = classes;
        Scale = scale;
        Networks = networks;
    }

    /// <summary>Identifies the training run (recorded with analyses through the stage's version).</summary>
    public string Version { get; }

    /// <summary>The encoder and pooling the vectors came from (<see cref="ContextEncoder.SourceName"/>).</summary>
    public string Source { get; }

    /// <summary>Class names in the network's order (the tagger's "UPOS\tXPOS", NER's BILOU tags).</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>Weight of the log-probabilities (chosen on held-out training data).</summary>
    public float Scale { get; }

    /// <summary>The first (or only) network; every network reads vectors of its <see cref="ContextTokenNetwork.Dim"/>.</summary>
    public ContextTokenNetwork Network => Networks[0];

    /// <summary>The ensemble's networks (one for a plain scorer).</summary>
    public IReadOnlyList<ContextTokenNetwork> Networks { get; }

    public ContextTokenScorer WithScale(float scale) => new(Version, Source, [.. ClassNames], scale, Networks);

    /// <summary>
    /// Scaled log-probabilities of a sentence's tokens into <paramref name="output"/> (n x <paramref name="map"/>'s
    /// length), in the caller's class numbering: <paramref name="map"/>[c] is the network class of the caller's
    /// class c, or -1 for a class the network never saw (it gets the token's lowest log-probability).
    /// </summary>
    public void Score(IReadOnlyList<string> words, ReadOnlySpan<float> vectors, ReadOnlySpan<int> map, Span<float> output)
    {
        ArgumentNullException.ThrowIfNull(words);
        int n = words.Count, k = Network.Classes, t = map.Length;
        var logProbs = new float[n * k];
        Network.LogProbabilities(words, vectors, logProbs);
        if (Networks.Count > 1)
        {
            var more = new float[n * k];
            for (int m = 1; m < Networks.Count; m++)
            {
                Networks[m].LogProbabilities(words, vectors, more);
                WindowNetwork.AddScaled(more, 1, logProbs);
            }

            float mean = 1f / Networks.Count;
            for (int j = 0; j < logProbs.Length; j++)
            {
                logProbs[j] *= mean;
            }
        }

        for (int i = 0; i < n; i++)
        {
            var row = logProbs.AsSpan(i * k, k);
            float floor = float.PositiveInfinity;
            foreach (float x in row)
            {
                floor = Math.Min(floor, x);
            }

            var o = output.Slice(i * t, t);
            for (int c = 0; c < t; c++)
            {
                o[c] = Scale * (map[c] < 0 ? floor : row[map[c]]);
            }
        }
    }

    /// <summary>For each of <paramref name="names"/> (the caller's classes), the network's class of that name or -1.</summary>
    public int[] MapClasses(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < ClassNames.Count; c++)
        {
            index[ClassNames[c]] = c;
        }

        return [.. names.Select(name => index.GetValueOrDefault(name, -1))];
    }

    public void Save(string path)
    {
        using var w = ModelFile.Create(path);
        w.Write(Networks.Count == 1 ? Magic : EnsembleMagic);
        w.Write(Version);
        w.Write(Source);
        w.Write(Scale);
        w.Write(ClassNames.Count);
        foreach (var name in ClassNames)
        {
            w.Write(name);
        }

        if (Networks.Count > 1)
        {
            w.Write(Networks.Count);
        }

        foreach (var network in Networks)
        {
            network.Write(w);
        }
    }

    /// <exception cref="InvalidDataException">The file is not a contextual scorer, or is truncated.</exception>
    public static ContextTokenScorer Load(string path)
    {
        try
        {
            using var r = ModelFile.OpenRead(path);
            uint magic = r.ReadUInt32();
            if (magic is not (Magic or EnsembleMagic))
            {
                throw new InvalidDataException($"{path}: not a Hearsay contextual token scorer.");
            }

            var version = r.ReadString();
            var source = r.ReadString();
            float scale = r.ReadSingle();
            var classes = new string[r.ReadInt32()];
            for (int c = 0; c < classes.Length; c++)
            {
                classes[c] = r.ReadString();
            }

            int count = magic == Magic ? 1 : r.ReadInt32();
            if (count is < 1 or > 64)
            {
                throw new InvalidDataException($"{path}: {count} networks in a contextual token scorer.");
            }

            var networks = new ContextTokenNetwork[count];
            for (int m = 0; m < count; m++)
            {
                networks[m] = ContextTokenNetwork.Read(r);
            }

            return new ContextTokenScorer(version, source, classes, scale, networks);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"{path}: truncated contextual token scorer.", e);
        }
    }
}
