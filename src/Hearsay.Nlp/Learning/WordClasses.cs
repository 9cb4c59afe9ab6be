using System.Numerics;
using Hearsay.Core.Documents;
using Hearsay.Core.Learning;

namespace Hearsay.Nlp.Learning;

/// <summary>
/// Word classes for the POS tagger and parser: the whole-word entries of MiniLM's (all-MiniLM-L6-v2) static
/// input embedding table, grouped by spherical k-means into 64 and 512 classes. Same method as the NER's
/// <c>Entities/WordClusters</c> (kept separate so the NER files stay untouched; keys here are
/// <see cref="FeatureHash.OfLower"/>). They tell the tagger that an unseen word is like words it has seen.
/// Only the table is read; no transformer runs.
/// </summary>
public sealed class WordClasses
{
    public const int Coarse = 64;
    public const int Fine = 512;

    public WordClasses(Dictionary<ulong, ushort> classes)
    {
        Classes = classes;
    }

    /// <summary>Word hash to (coarse class * Fine + fine class) + 1.</summary>
    public Dictionary<ulong, ushort> Classes { get; }

    public int Count => Classes.Count;

    /// <summary>The class (coarse * Fine + fine + 1) of a word by its <see cref="FeatureHash.OfLower"/> hash, or 0.</summary>
    public int ClassOf(ulong lowerHash) => Classes.TryGetValue(lowerHash, out ushort c) ? c : 0;

    /// <summary>The word's class (coarse * Fine + fine + 1), or 0 for a word outside the table.</summary>
    public int ClassOf(string word) => Classes.TryGetValue(FeatureHash.OfLower(word), out ushort c) ? c : 0;

    /// <summary>The word's coarse and fine class (each counted from 1) by its <see cref="FeatureHash.OfLower"/> hash, or no class.</summary>
    public WordClass Of(ulong lowerHash)
    {
        int c = ClassOf(lowerHash);
        return c == 0 ? default : new WordClass((ushort)(((c - 1) / Fine) + 1), (ushort)(((c - 1) % Fine) + 1));
    }

    /// <summary>Reads the word embedding table and vocabulary from the MiniLM ONNX model (or the assembly embedding it) and clusters the words.</summary>
    public static WordClasses FromMiniLm(string path, int seed, TextWriter log) =>
        new(Compute(path, seed, log, w => FeatureHash.OfLower(w)));

    /// <summary>
    /// The clustering itself, keyed by the caller's word hash: the NER model keys words by its own
    /// hash (<c>NerFeatureExtractor.LowerHash</c>), the tagger by <see cref="FeatureHash.OfLower"/>.
    /// </summary>
    public static Dictionary<ulong, ushort> Compute(string path, int seed, TextWriter log, Func<string, ulong> key)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(key);
        var (vectors, dim, vocab) = MiniLmTable.Read(path);
        var words = new List<string>();
        var rows = new List<int>();
        for (int i = 0; i < vocab.Count && i < vectors.Length / dim; i++)
        {
            var w = vocab[i];
            if (w.Length < 2 || w.StartsWith("##", StringComparison.Ordinal) || w.StartsWith('[') || !w.Any(char.IsLetter))
            {
                continue;
            }

            words.Add(w);
            rows.Add(i);
        }

        var data = new float[words.Count * dim];
        for (int k = 0; k < rows.Count; k++)
        {
            var src = vectors.AsSpan(rows[k] * dim, dim);
            var dst = data.AsSpan(k * dim, dim);
            src.CopyTo(dst);
            Normalize(dst);
        }

        var coarse = KMeans(data, dim, Coarse, seed, 8);
        var fine = KMeans(data, dim, Fine, seed + 1, 8);
        var classes = new Dictionary<ulong, ushort>(words.Count);
        for (int k = 0; k < words.Count; k++)
        {
            classes[key(words[k])] = (ushort)((coarse[k] * Fine) + fine[k] + 1);
        }

        log.WriteLine($"word classes from {path}: {words.Count} words of {vocab.Count}, {dim}-d, k={Coarse} and k={Fine} (spherical k-means, 8 iterations, seed {seed})");
        return classes;
    }

    private static void Normalize(Span<float> v)
    {
        float norm = 0;
        foreach (float x in v)
        {
            norm += x * x;
        }

        norm = MathF.Sqrt(norm);
        if (norm > 0)
        {
            for (int i = 0; i < v.Length; i++)
            {
                v[i] /= norm;
            }
        }
    }

    private static int[] KMeans(float[] data, int dim, int k, int seed, int iterations)
    {
        int n = data.Length / dim;
        var rng = new Random(seed);
        var centers = new float[k * dim];
        for (int c = 0; c < k; c++)
        {
            data.AsSpan(rng.Next(n) * dim, dim).CopyTo(centers.AsSpan(c * dim, dim));
        }

        var assign = new int[n];
        for (int it = 0; it < iterations; it++)
        {
            Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
            {
                var x = data.AsSpan(i * dim, dim);
                float best = float.NegativeInfinity;
                int arg = 0;
                for (int c = 0; c < k; c++)
                {
                    float d = WindowNetwork.Dot(x, centers.AsSpan(c * dim, dim));
                    if (d > best)
                    {
                        best = d;
                        arg = c;
                    }
                }

                assign[i] = arg;
            });

            Array.Clear(centers);
            var counts = new int[k];
            for (int i = 0; i < n; i++)
            {
                counts[assign[i]]++;
                var x = data.AsSpan(i * dim, dim);
                var c = centers.AsSpan(assign[i] * dim, dim);
                for (int j = 0; j < dim; j++)
                {
                    c[j] += x[j];
                }
            }

            for (int c = 0; c < k; c++)
            {
                if (counts[c] == 0)
                {
                    data.AsSpan(rng.Next(n) * dim, dim).CopyTo(centers.AsSpan(c * dim, dim));
                }

                Normalize(centers.AsSpan(c * dim, dim));
            }
        }

        return assign;
    }
}
