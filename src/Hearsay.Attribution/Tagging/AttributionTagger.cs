using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;
using Hearsay.Core.Documents;
using Hearsay.Core.Learning;

namespace Hearsay.Attribution.Tagging;

/// <summary>
/// A first-order sequence tagger over the seven BIO labels: averaged structured perceptron
/// weights, Viterbi decoding that forbids I-x without a preceding x. Loaded from a compact
/// model file (feature hashes and half-precision weights, gzip).
/// </summary>
public sealed class AttributionTagger
{
    private const string Magic = "HSATT3";
    private const int L = BioLabels.Count;

    private readonly FeatureIndex _lookup;
    private readonly float[] _weights;
    private readonly float[] _transitions;

    internal AttributionTagger(CueLexicon lexicon, Dictionary<uint, int> index, float[] weights, float[] transitions, string version, AttributionTagger? inner = null)
        : this(lexicon, new FeatureIndex(index), weights, transitions, version, inner)
    {
    }

    private AttributionTagger(CueLexicon lexicon, FeatureIndex index, float[] weights, float[] transitions, string version, AttributionTagger? inner)
    {
        Inner = inner;
        Lexicon = lexicon;
        Features = new FeatureExtractor(lexicon);
        _lookup = index;
        _weights = weights;
        _transitions = transitions;
        Version = version;
    }

    public CueLexicon Lexicon { get; }

    /// <summary>First-pass tagger whose labels this one reads as features (stacking), or null.</summary>
    public AttributionTagger? Inner { get; }

    public FeatureExtractor Features { get; }

    /// <summary>Model version string, recorded with stored analyses.</summary>
    public string Version { get; }

    public int FeatureCount => _lookup.Count;

    /// <summary>Second stage that moves content span edges after decoding, or null (models trained without it).</summary>
    public ContentBoundaryRanker? Ranker { get; internal set; }

    /// <summary>Last stage that drops content spans unlikely to be exact (needs the ranker's confidence), or null.</summary>
    public ContentSpanFilter? Filter { get; internal set; }

    /// <summary>
    /// Window scorer over MiniLM word vectors whose weighted log-probabilities of the seven labels are added to the
    /// perceptron's emissions before decoding (and so before the ranker and filter read the lattice), or null.
    /// </summary>
    public WindowScorer? Scorer { get; internal set; }

    /// <summary>Whether the tagger was trained with word-class features (<see cref="WordClass"/>); classes given to one without are ignored.</summary>
    public bool UsesWordClasses { get; internal set; }

    /// <summary>BIO labels for one sentence.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    /// <param name="heads">Dependency head of each word within these words (-1: root or outside), or null.</param>
    /// <param name="rels">Dependency relation of each word to its head, or null.</param>
    /// <param name="classes">Distributional class of each word, or null.</param>
    /// <param name="dropDoubtfulContent">Whether the <see cref="Filter"/> drops content spans unlikely to be exact (span taggers
    /// scored by exact match); the attribution stage keeps them, since an attribution without content is dropped whole.</param>
    public int[] Predict(string[] words, string?[]? pos = null, int[]? heads = null, string?[]? rels = null, bool dropDoubtfulContent = true, WordClass[]? classes = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Length == 0)
        {
            return [];
        }

        var (labels, emissions) = Lattice(words, pos, heads, rels, classes);
        TrimLeadingPunctuation(words, labels);
        var lattice = new TagLattice(emissions, _transitions);
        var gaps = Filter is null || !dropDoubtfulContent ? null : new List<(int Start, int End, float Gap)>();
        Ranker?.Apply(words, pos, heads, rels, labels, lattice, gaps);
        if (gaps is not null)
        {
            Filter!.Apply(words, labels, lattice, gaps, Lexicon);
        }

        return labels;
    }

    /// <summary>The Viterbi labels and the emission scores (n x labels) they were decoded from, before any post-step.</summary>
    internal (int[] Labels, float[] Emissions) Lattice(string[] words, string?[]? pos, int[]? heads, string?[]? rels, WordClass[]? classes = null)
    {
        var feats = new List<ulong>(words.Length * 40);
        var offsets = new int[words.Length + 1];
        Features.Extract(words, pos, feats, offsets, Inner?.Predict(words, pos, heads, rels, classes: classes), heads, rels, UsesWordClasses ? classes : null);
        var ids = new int[feats.Count];
        for (int k = 0; k < ids.Length; k++)
        {
            ids[k] = _lookup.Find(Fold(feats[k]));
        }

        var emissions = Emissions(ids, offsets, words.Length, _weights);
        if (Scorer is not null)
        {
            var (text, tokens) = PretokenizedText.Join(words);
            var network = new float[emissions.Length];
            Scorer.Score(text, tokens, network);
            for (int k = 0; k < emissions.Length; k++)
            {
                emissions[k] += network[k];
            }
        }

        return (Viterbi(emissions, words.Length, _transitions), emissions);
    }

    internal float[] Transitions => _transitions;

    /// <summary>A span never opens with the previous sentence's stop or a comma: the tagger's most frequent off-by-one.</summary>
    internal static void TrimLeadingPunctuation(string[] words, int[] labels)
    {
        for (int i = 0; i + 1 < labels.Length; i++)
        {
            if (BioLabels.IsBegin(labels[i]) && words[i] is "." or "," or ";" or "?" or "!" && labels[i + 1] == labels[i] + 1)
            {
                labels[i + 1] = labels[i];
                labels[i] = BioLabels.Outside;
            }
        }
    }

    private static readonly bool[] AllowedTable = BuildAllowed();

    private static bool[] BuildAllowed()
    {
        var t = new bool[L * L];
        for (int p = 0; p < L; p++)
        {
            for (int y = 0; y < L; y++)
            {
                t[(p * L) + y] = BioLabels.Allowed(p, y);
            }
        }

        return t;
    }

    /// <summary>Viterbi over emission scores from feature ids (-1 = unknown) with transition scores [prev+1, next] (row 0 = start).</summary>
    /// <param name="costGold">In training only: the gold labels, every other label of a token gets <paramref name="cost"/> added (loss-augmented decoding), or null.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int[] Decode(int[] ids, int[] offsets, int n, float[] weights, float[] transitions, int[]? costGold = null, float cost = 0) =>
        Viterbi(Emissions(ids, offsets, n, weights, costGold, cost), n, transitions);

    /// <summary>Emission scores (n x labels) from feature ids (-1 = unknown), with the training cost added when <paramref name="costGold"/> is given.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static float[] Emissions(int[] ids, int[] offsets, int n, float[] weights, int[]? costGold = null, float cost = 0)
    {
        var score = new float[n * L];
        for (int i = 0; i < n; i++)
        {
            var row = score.AsSpan(i * L, L);
            for (int k = offsets[i]; k < offsets[i + 1]; k++)
            {
                int id = ids[k];
                if (id < 0)
                {
                    continue;
                }

                var w = weights.AsSpan(id * L, L);
                for (int y = 0; y < L; y++)
                {
                    row[y] += w[y];
                }
            }

            if (costGold is not null)
            {
                for (int y = 0; y < L; y++)
                {
                    if (y != costGold[i])
                    {
                        row[y] += cost;
                    }
                }
            }
        }

        return score;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int[] Viterbi(float[] score, int n, float[] transitions)
    {
        var best = new float[n * L];
        var back = new int[n * L];
        for (int y = 0; y < L; y++)
        {
            best[y] = BioLabels.Allowed(0, y) && !(y > 0 && !BioLabels.IsBegin(y)) ? score[y] + transitions[y] : float.NegativeInfinity;
        }

        for (int i = 1; i < n; i++)
        {
            for (int y = 0; y < L; y++)
            {
                float bestScore = float.NegativeInfinity;
                int arg = 0;
                for (int p = 0; p < L; p++)
                {
                    if (!AllowedTable[(p * L) + y])
                    {
                        continue;
                    }

                    float s = best[((i - 1) * L) + p] + transitions[((p + 1) * L) + y];
                    if (s > bestScore)
                    {
                        bestScore = s;
                        arg = p;
                    }
                }

                best[(i * L) + y] = bestScore + score[(i * L) + y];
                back[(i * L) + y] = arg;
            }
        }

        var labels = new int[n];
        int last = 0;
        for (int y = 1; y < L; y++)
        {
            if (best[((n - 1) * L) + y] > best[((n - 1) * L) + last])
            {
                last = y;
            }
        }

        labels[n - 1] = last;
        for (int i = n - 1; i > 0; i--)
        {
            labels[i - 1] = back[(i * L) + labels[i]];
        }

        return labels;
    }

    /// <summary>Writes the model; features whose every weight is below <paramref name="pruneBelow"/> in magnitude are left out.</summary>
    /// <summary>32 bits of a feature hash are enough for a few hundred thousand features and halve the file.</summary>
    internal static uint Fold(ulong hash) => (uint)(hash ^ (hash >> 32));

    public void Save(string path, float pruneBelow = 0.05f)
    {
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.SmallestSize);
        using var w = new BinaryWriter(gz, Encoding.UTF8);
        w.Write(Magic);
        w.Write(Inner is not null);
        Inner?.WriteBody(w, pruneBelow);
        WriteBody(w, pruneBelow);

        // Optional trailing sections, so files written before the ranker or the filter still load.
        w.Write(Ranker is not null);
        Ranker?.Write(w);
        w.Write(Filter is not null);
        Filter?.Write(w);

        // Written only when set, so that a model without word classes (or scorer) stays byte for byte what it was before the flag.
        if (UsesWordClasses || Scorer is not null)
        {
            w.Write(UsesWordClasses);
        }

        if (Scorer is not null)
        {
            w.Write(true);
            Scorer.Write(w);
        }
    }

    private void WriteBody(BinaryWriter w, float pruneBelow)
    {
        w.Write(Version);
        w.Write(Lexicon.Ratios.Count);
        foreach (var (word, r) in Lexicon.Ratios.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            w.Write(word);
            w.Write(r);
        }

        foreach (var t in _transitions)
        {
            w.Write(t);
        }

        // Features whose every weight is this small change no decision in practice (measured on dev) but double the file.
        var kept = new List<(uint Hash, int Id)>();
        foreach (var (hash, id) in _lookup.Entries())
        {
            for (int y = 0; y < L; y++)
            {
                if (Math.Abs(_weights[(id * L) + y]) >= pruneBelow)
                {
                    kept.Add((hash, id));
                    break;
                }
            }
        }

        kept.Sort((a, b) => a.Hash.CompareTo(b.Hash));
        w.Write(kept.Count);
        foreach (var (hash, id) in kept)
        {
            // Seven weights as signed bytes with one scale per feature: a tenth of float precision, no measurable loss.
            float max = 0;
            for (int y = 0; y < L; y++)
            {
                max = Math.Max(max, Math.Abs(_weights[(id * L) + y]));
            }

            float scale = max / 127f;
            w.Write(hash);
            w.Write((Half)scale);
            for (int y = 0; y < L; y++)
            {
                w.Write((sbyte)Math.Round(_weights[(id * L) + y] / (float)(Half)scale));
            }
        }
    }

    /// <exception cref="InvalidDataException">The file is not an attribution model.</exception>
    public static AttributionTagger Load(string path)
    {
        // Decompress in one go: many small reads straight from the gzip stream cost more than the parse.
        var buffer = new MemoryStream();
        try
        {
            using var file = File.OpenRead(path);
            using var gz = new GZipStream(file, CompressionMode.Decompress);
            gz.CopyTo(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: not an attribution model file ({e.Message})");
        }

        buffer.Position = 0;
        using var r = new BinaryReader(buffer, Encoding.UTF8);
        string magic;
        try
        {
            magic = r.ReadString();
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException)
        {
            throw new InvalidDataException($"{path}: not an attribution model file ({e.Message})");
        }

        if (magic != Magic)
        {
            throw new InvalidDataException($"{path}: not an attribution model file of this version ({magic})");
        }

        var inner = r.ReadBoolean() ? ReadBody(r, null) : null;
        var tagger = ReadBody(r, inner);
        if (buffer.Position < buffer.Length && r.ReadBoolean())
        {
            tagger.Ranker = ContentBoundaryRanker.Read(r);
        }

        if (buffer.Position < buffer.Length && r.ReadBoolean())
        {
            tagger.Filter = ContentSpanFilter.Read(r);
        }

        if (buffer.Position < buffer.Length && r.ReadBoolean())
        {
            tagger.UsesWordClasses = true;
            if (tagger.Inner is { } first)
            {
                first.UsesWordClasses = true;
            }
        }

        if (buffer.Position < buffer.Length && r.ReadBoolean())
        {
            tagger.Scorer = WindowScorer.Read(r);
        }

        return tagger;
    }

    private static AttributionTagger ReadBody(BinaryReader r, AttributionTagger? inner)
    {
        var version = r.ReadString();
        int nLex = r.ReadInt32();
        var lex = new Dictionary<string, float>(nLex, StringComparer.Ordinal);
        for (int i = 0; i < nLex; i++)
        {
            var word = r.ReadString();
            lex[word] = r.ReadSingle();
        }

        var transitions = new float[(L + 1) * L];
        for (int i = 0; i < transitions.Length; i++)
        {
            transitions[i] = r.ReadSingle();
        }

        int n = r.ReadInt32();
        var index = new FeatureIndex(n);
        var weights = new float[n * L];
        for (int i = 0; i < n; i++)
        {
            index.Add(r.ReadUInt32(), i);
            float scale = (float)r.ReadHalf();
            for (int y = 0; y < L; y++)
            {
                weights[(i * L) + y] = r.ReadSByte() * scale;
            }
        }

        return new AttributionTagger(new CueLexicon(lex), index, weights, transitions, version, inner);
    }
}
