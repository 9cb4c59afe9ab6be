using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using Hearsay.Core.Documents;
using Hearsay.Core.Learning;
using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Entities;

/// <summary>
/// A first-order linear sequence model over BILOU tags: hashed feature weights per tag plus a tag
/// transition matrix, decoded exactly with Viterbi under the BILOU constraints. Thread-safe for prediction.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "HSNER3";
    private const string MagicPos = "HSNER4";

    /// <summary>With a window scorer (<see cref="Scorer"/>): flags (POS) follow, the scorer comes last.</summary>
    private const string MagicScorer = "HSNER5";
    private readonly ThreadLocal<NerFeatureExtractor> _extractor;

    internal NerModel(EntityLabel[] labels, int bucketBits, float[] weights, float[] transitions, Gazetteer? gazetteer, WordClusters? clusters, string version, bool stacked = false, bool usesPos = false)
    {
        IsStacked = stacked;
        UsesPos = usesPos;
        Tags = new BilouTags(labels);
        BucketBits = bucketBits;
        Weights = weights;
        Transitions = transitions;
        Gazetteer = gazetteer;
        Clusters = clusters;
        Version = version;
        _extractor = new ThreadLocal<NerFeatureExtractor>(() => new NerFeatureExtractor(bucketBits, gazetteer, clusters, stacked, usesPos));
    }

    /// <summary>Whether this model reads the tagger's XPOS tags (<see cref="Token.Xpos"/>; <see cref="LabeledSentence.Pos"/> for pre-tokenized input).</summary>
    public bool UsesPos { get; }

    /// <summary>Whether this model reads a first pass's tags and document votes (it is some model's <see cref="Second"/>).</summary>
    internal bool IsStacked { get; }

    /// <summary>
    /// The stacked second pass, or null: it re-tags each sentence seeing the first pass's tags of the neighbouring
    /// tokens and how the rest of the document was labelled (<see cref="LabelVotes"/>).
    /// </summary>
    internal NerModel? Second { get; init; }

    /// <summary>This model as the first pass of <paramref name="second"/>.</summary>
    internal NerModel WithSecond(NerModel second) =>
        new(Tags.Labels, BucketBits, Weights, Transitions, Gazetteer, Clusters, Version, usesPos: UsesPos) { Second = second, Scorer = Scorer };

    /// <summary>
    /// The window scorer over MiniLM word vectors whose scaled tag log-probabilities are added to this model's
    /// emission scores, or null. The perceptron is trained without it; the two are combined only in decoding.
    /// </summary>
    internal WindowScorer? Scorer { get; init; }

    /// <summary>This model decoding with <paramref name="scorer"/> (null: alone).</summary>
    internal NerModel WithScorer(WindowScorer? scorer) =>
        new(Tags.Labels, BucketBits, Weights, Transitions, Gazetteer, Clusters, Version, IsStacked, UsesPos) { Second = Second, Scorer = scorer };

    public IReadOnlyList<EntityLabel> Labels => Tags.Labels;

    /// <summary>Identifies the model file (recorded with every analysis).</summary>
    public string Version { get; }

    internal BilouTags Tags { get; }

    /// <summary>Weights per bucket, padded to whole SIMD vectors (13 tags use 16 floats: one cache line).</summary>
    internal int Stride => StrideFor(Tags.Count);

    internal static int StrideFor(int tags) => (tags + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;

    internal int BucketBits { get; }

    /// <summary>[bucket * Stride + tag].</summary>
    internal float[] Weights { get; }

    /// <summary>[from * T + to] for T*T entries, then T start scores, then T end scores.</summary>
    internal float[] Transitions { get; }

    internal Gazetteer? Gazetteer { get; }

    internal WordClusters? Clusters { get; }

    internal NerFeatureExtractor Extractor => _extractor.Value!;

    /// <summary>Entity spans of one sentence, given its tokens over <paramref name="text"/> (the sentence is its own document).</summary>
    public List<EntitySpan> Predict(string text, ReadOnlySpan<Token> tokens)
    {
        if (tokens.Length == 0)
        {
            return [];
        }

        return PredictDocument(text, [new ArraySegment<Token>(tokens.ToArray())])[0];
    }

    /// <summary>
    /// Entity spans of each sentence of one document: the first pass per sentence, then, for a stacked model,
    /// the second pass over the document's votes. The <see cref="NameConsistency"/> pass is the caller's choice.
    /// </summary>
    public List<EntitySpan>[] PredictDocument(string text, IReadOnlyList<ArraySegment<Token>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var result = new List<EntitySpan>[sentences.Count];
        var first = new int[sentences.Count][];
        for (int k = 0; k < sentences.Count; k++)
        {
            first[k] = new int[sentences[k].Count];
            Tag(text, sentences[k], default, default, first[k]);
        }

        if (Second is null)
        {
            for (int k = 0; k < sentences.Count; k++)
            {
                result[k] = Tags.Decode(first[k]);
            }

            return result;
        }

        var votes = new ulong[sentences.Count][];
        for (int k = 0; k < sentences.Count; k++)
        {
            votes[k] = new ulong[sentences[k].Count * NerFeatureExtractor.VotesPerToken];
        }

        LabelVotes.Count(text, sentences, first, Tags.Labels.Length, votes);
        var second = new int[256];
        for (int k = 0; k < sentences.Count; k++)
        {
            int n = sentences[k].Count;
            if (second.Length < n)
            {
                second = new int[n * 2];
            }

            Second.Tag(text, sentences[k], first[k], votes[k], second);
            result[k] = Tags.Decode(second.AsSpan(0, n));
        }

        return result;
    }

    /// <summary>Best tag sequence of one sentence; a stacked model also reads <paramref name="firstTags"/> and <paramref name="votes"/>.</summary>
    internal void Tag(string text, ReadOnlySpan<Token> tokens, ReadOnlySpan<int> firstTags, ReadOnlySpan<ulong> votes, Span<int> tags)
    {
        int n = tokens.Length;
        if (n == 0)
        {
            return;
        }

        var extractor = Extractor;
        int[] feats = ArrayPool<int>.Shared.Rent(n * extractor.Count);
        float[]? extra = Scorer is null ? null : ArrayPool<float>.Shared.Rent(n * Tags.Count);
        try
        {
            extractor.Extract(text, tokens, feats, firstTags, votes);
            Scorer?.Score(text, tokens, extra);
            Decode(feats, n, Weights, Transitions, tags, extra);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(feats);
            if (extra is not null)
            {
                ArrayPool<float>.Shared.Return(extra);
            }
        }
    }

    /// <summary>
    /// Tags pre-tokenized sentences document by document (consecutive sentences with the same
    /// <see cref="LabeledSentence.Document"/>), with the <see cref="NameConsistency"/> pass when asked.
    /// </summary>
    public List<EntitySpan>[] PredictSentences(IReadOnlyList<LabeledSentence> sentences, bool consistency)
    {
        var result = new List<EntitySpan>[sentences.Count];
        int start = 0;
        while (start < sentences.Count)
        {
            int end = start + 1;
            while (end < sentences.Count && sentences[end].Document == sentences[start].Document)
            {
                end++;
            }

            var words = new List<string>();
            List<string>? pos = UsesPos ? [] : null;
            for (int k = start; k < end; k++)
            {
                words.AddRange(sentences[k].Words);
                pos?.AddRange(sentences[k].Pos ?? new string[sentences[k].Words.Length]);
            }

            var (text, tokens) = NerTrainer.Join(words, pos);
            var segments = new ArraySegment<Token>[end - start];
            int offset = 0;
            for (int k = start; k < end; k++)
            {
                segments[k - start] = new ArraySegment<Token>(tokens, offset, sentences[k].Words.Length);
                offset += sentences[k].Words.Length;
            }

            PredictDocument(text, segments).CopyTo(result, start);

            if (consistency)
            {
                NameConsistency.Propagate(text, segments, new ArraySegment<List<EntitySpan>>(result, start, end - start));
            }

            start = end;
        }

        return result;
    }

    /// <summary>Viterbi over emission scores from <paramref name="weights"/> plus <paramref name="extra"/> (n x tags, if any); writes the best tag sequence.</summary>
    internal void Decode(ReadOnlySpan<int> feats, int n, float[] weights, float[] transitions, Span<int> best, float[]? extra = null)
    {
        int t = Tags.Count;
        float[] score = ArrayPool<float>.Shared.Rent(n * t);
        int[] back = ArrayPool<int>.Shared.Rent(n * t);
        try
        {
            Emissions(feats, n, weights, score);
            if (extra is not null)
            {
                for (int k = 0; k < n * t; k++)
                {
                    score[k] += extra[k];
                }
            }
            var allowed = Tags.Allowed;
            int startOff = t * t;
            for (int y = 0; y < t; y++)
            {
                score[y] = BilouTags.CanStart(y) ? score[y] + transitions[startOff + y] : float.NegativeInfinity;
            }

            for (int i = 1; i < n; i++)
            {
                int prev = (i - 1) * t, cur = i * t;
                for (int y = 0; y < t; y++)
                {
                    float bestScore = float.NegativeInfinity;
                    int arg = 0;
                    for (int p = 0; p < t; p++)
                    {
                        if (!allowed[(p * t) + y])
                        {
                            continue;
                        }

                        float s = score[prev + p] + transitions[(p * t) + y];
                        if (s > bestScore)
                        {
                            bestScore = s;
                            arg = p;
                        }
                    }

                    score[cur + y] += bestScore;
                    back[cur + y] = arg;
                }
            }

            int last = (n - 1) * t, endOff = startOff + t;
            float top = float.NegativeInfinity;
            int yb = 0;
            for (int y = 0; y < t; y++)
            {
                if (!BilouTags.CanEnd(y))
                {
                    continue;
                }

                float s = score[last + y] + transitions[endOff + y];
                if (s > top)
                {
                    top = s;
                    yb = y;
                }
            }

            for (int i = n - 1; i >= 0; i--)
            {
                best[i] = yb;
                yb = back[(i * t) + yb];
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(score);
            ArrayPool<int>.Shared.Return(back);
        }
    }

    private void Emissions(ReadOnlySpan<int> feats, int n, float[] weights, float[] score)
    {
        int t = Tags.Count, stride = Stride, vectors = stride / Vector<float>.Count;
        int F = Extractor.Count;
        Span<Vector<float>> acc = stackalloc Vector<float>[vectors];
        var all = MemoryMarshal.Cast<float, Vector<float>>(weights.AsSpan());
        for (int i = 0; i < n; i++)
        {
            acc.Clear();
            var f = feats.Slice(i * F, F);
            for (int k = 0; k < F; k++)
            {
                var w = all.Slice(f[k] * vectors, vectors);
                for (int v = 0; v < vectors; v++)
                {
                    acc[v] += w[v];
                }
            }

            MemoryMarshal.Cast<Vector<float>, float>(acc)[..t].CopyTo(score.AsSpan(i * t, t));
        }
    }

    public void Save(string path)
    {
        using var w = ModelFile.Create(path);
        w.Write(Scorer is not null ? MagicScorer : UsesPos ? MagicPos : Magic);
        if (Scorer is not null)
        {
            w.Write(UsesPos);
        }

        w.Write(Version);
        w.Write(Tags.Labels.Length);
        foreach (var l in Tags.Labels)
        {
            w.Write((int)l);
        }

        w.Write(BucketBits);
        w.Write(Gazetteer?.Entries.Count ?? 0);
        if (Gazetteer is not null)
        {
            foreach (var (k, v) in Gazetteer.Entries.OrderBy(p => p.Key))
            {
                w.Write(k);
                w.Write(v);
            }
        }

        w.Write(Clusters?.Classes.Count ?? 0);
        if (Clusters is not null)
        {
            foreach (var (k, v) in Clusters.Classes.OrderBy(p => p.Key))
            {
                w.Write(k);
                w.Write(v);
            }
        }

        WriteWeights(w);
        w.Write(Second is not null);
        Second?.WriteWeights(w);
        Scorer?.Write(w);
    }

    private void WriteWeights(BinaryWriter w)
    {
        w.Write(Transitions.Length);
        foreach (var x in Transitions)
        {
            w.Write(x);
        }

        int t = Tags.Count, stride = Stride;
        int buckets = 1 << BucketBits;
        int nonZero = 0;
        for (int b = 0; b < buckets; b++)
        {
            if (RowNonZero(b, t, stride))
            {
                nonZero++;
            }
        }

        w.Write(nonZero);
        int prevBucket = 0;
        for (int b = 0; b < buckets; b++)
        {
            if (!RowNonZero(b, t, stride))
            {
                continue;
            }

            w.Write7BitEncodedInt(b - prevBucket); // gaps compress far better than absolute indices
            prevBucket = b;
            for (int y = 0; y < t; y++)
            {
                w.Write((Half)Weights[(b * stride) + y]);
            }
        }
    }

    private static (float[] Weights, float[] Transitions) ReadWeights(BinaryReader r, int labels, int bits)
    {
        var transitions = new float[r.ReadInt32()];
        for (int i = 0; i < transitions.Length; i++)
        {
            transitions[i] = r.ReadSingle();
        }

        int t = 1 + (4 * labels);
        int stride = StrideFor(t);
        var weights = new float[(1 << bits) * stride];
        int rows = r.ReadInt32();
        int b = 0;
        for (int i = 0; i < rows; i++)
        {
            b += r.Read7BitEncodedInt();
            for (int y = 0; y < t; y++)
            {
                weights[(b * stride) + y] = (float)r.ReadHalf();
            }
        }

        return (weights, transitions);
    }

    public static NerModel Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"NER model '{path}' does not exist.", path);
        }

        using var r = ModelFile.OpenRead(path);
        try
        {
            string magic = r.ReadString();
            if (magic != Magic && magic != MagicPos && magic != MagicScorer)
            {
                throw new InvalidDataException($"'{path}' is not a Hearsay NER model.");
            }

            bool hasScorer = magic == MagicScorer;
            bool usesPos = magic == MagicPos || (hasScorer && r.ReadBoolean());
            string version = r.ReadString();
            var labels = new EntityLabel[r.ReadInt32()];
            for (int i = 0; i < labels.Length; i++)
            {
                labels[i] = (EntityLabel)r.ReadInt32();
            }

            int bits = r.ReadInt32();
            int nc = r.ReadInt32();
            var entries = new Dictionary<ulong, byte>(nc);
            for (int i = 0; i < nc; i++)
            {
                entries[r.ReadUInt64()] = r.ReadByte();
            }

            Gazetteer? gazetteer = nc == 0 ? null : new Gazetteer(entries);

            int ncl = r.ReadInt32();
            var classes = new Dictionary<ulong, ushort>(ncl);
            for (int i = 0; i < ncl; i++)
            {
                classes[r.ReadUInt64()] = r.ReadUInt16();
            }

            var clusters = ncl == 0 ? null : new WordClusters(classes);
            var (weights, transitions) = ReadWeights(r, labels.Length, bits);
            NerModel? second = null;
            if (r.ReadBoolean())
            {
                var (w2, t2) = ReadWeights(r, labels.Length, bits);
                second = new NerModel(labels, bits, w2, t2, gazetteer, clusters, version, stacked: true, usesPos);
            }

            var scorer = hasScorer ? WindowScorer.Read(r) : null;
            return new NerModel(labels, bits, weights, transitions, gazetteer, clusters, version, usesPos: usesPos) { Second = second, Scorer = scorer };
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException($"NER model '{path}' is truncated.", e);
        }
        catch (InvalidDataException e) when (!e.Message.Contains(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"'{path}' is not a Hearsay NER model ({e.Message})", e);
        }
    }

    private bool RowNonZero(int b, int t, int stride)
    {
        for (int y = 0; y < t; y++)
        {
            if ((Half)Weights[(b * stride) + y] != Half.Zero)
            {
                return true;
            }
        }

        return false;
    }
}
