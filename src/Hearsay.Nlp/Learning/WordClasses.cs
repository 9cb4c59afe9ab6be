using System.Numerics;
using System.Text;
using Hearsay.Core.Documents;

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
        var (vectors, dim, vocab) = ReadTable(path);
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

    /// <summary>
    /// The static input embedding table (rows x dim, row-major) and the WordPiece vocabulary (row i is entry i) of
    /// the MiniLM ONNX model or the assembly embedding it. The NER's window scorer reads every row, word pieces too.
    /// </summary>
    public static (float[] Vectors, int Dim, List<string> Vocabulary) ReadTable(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var (vectors, dim) = ReadEmbeddingTable(bytes, path);
        return (vectors, dim, ReadVocabulary(bytes, path));
    }

    private static (float[] Vectors, int Dim) ReadEmbeddingTable(byte[] b, string path)
    {
        // ONNX TensorProto: dims (field 1), data_type (2), name (8), raw_data (9). Find the name, then the raw bytes after it.
        var name = Encoding.ASCII.GetBytes("embeddings.word_embeddings.weight");
        for (int at = b.AsSpan().IndexOf(name); at >= 0;)
        {
            int p = at + name.Length;
            if (p < b.Length && b[p] == 0x4A)
            {
                p++;
                long len = ReadVarint(b, ref p);
                int headerStart = Math.Max(0, at - 24);
                var dims = ReadDims(b, headerStart, at - 1);
                if (dims is { } d && len == (long)d.Rows * d.Cols * 4)
                {
                    var v = new float[d.Rows * d.Cols];
                    Buffer.BlockCopy(b, p, v, 0, (int)len);
                    return (v, d.Cols);
                }
            }

            int next = b.AsSpan(at + name.Length).IndexOf(name);
            at = next < 0 ? -1 : at + name.Length + next;
        }

        throw new InvalidDataException($"'{path}' holds no MiniLM word embedding table (embeddings.word_embeddings.weight).");
    }

    /// <summary>Finds "08 rows 08 cols 10 01 42 len" just before the name.</summary>
    private static (int Rows, int Cols)? ReadDims(byte[] b, int from, int nameLengthByte)
    {
        for (int s = from; s < nameLengthByte; s++)
        {
            if (b[s] != 0x08)
            {
                continue;
            }

            int p = s + 1;
            long rows = ReadVarint(b, ref p);
            if (p >= b.Length || b[p] != 0x08)
            {
                continue;
            }

            p++;
            long cols = ReadVarint(b, ref p);
            if (p + 2 < b.Length && b[p] == 0x10 && b[p + 1] == 0x01 && b[p + 2] == 0x42 && rows > 1000 && cols is > 16 and < 4096)
            {
                return ((int)rows, (int)cols);
            }
        }

        return null;
    }

    private static List<string> ReadVocabulary(byte[] b, string path)
    {
        var start = b.AsSpan().IndexOf("[PAD]\r\n[unused0]"u8);
        var sep = "\r\n";
        if (start < 0)
        {
            start = b.AsSpan().IndexOf("[PAD]\n[unused0]"u8);
            sep = "\n";
        }

        if (start < 0)
        {
            throw new InvalidDataException($"'{path}' holds no BERT vocabulary.");
        }

        var words = new List<string>();
        int p = start;
        while (words.Count < 40000 && p < b.Length)
        {
            int end = b.AsSpan(p).IndexOf((byte)'\n');
            if (end < 0)
            {
                break;
            }

            var w = Encoding.UTF8.GetString(b, p, sep.Length == 2 && end > 0 && b[p + end - 1] == '\r' ? end - 1 : end);
            if (w.Length == 0 || w.Length > 40)
            {
                break;
            }

            words.Add(w);
            p += end + 1;
        }

        return words;
    }

    private static long ReadVarint(byte[] b, ref int p)
    {
        long v = 0;
        int shift = 0;
        while (p < b.Length && shift < 63)
        {
            byte x = b[p++];
            v |= (long)(x & 0x7F) << shift;
            if ((x & 0x80) == 0)
            {
                break;
            }

            shift += 7;
        }

        return v;
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
                    float d = Dot(x, centers.AsSpan(c * dim, dim));
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

    /// <summary>Dot product (also the NER window scorer's).</summary>
    internal static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var sum = Vector<float>.Zero;
        int i = 0;
        for (; i <= a.Length - Vector<float>.Count; i += Vector<float>.Count)
        {
            sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        }

        float s = Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }
}
