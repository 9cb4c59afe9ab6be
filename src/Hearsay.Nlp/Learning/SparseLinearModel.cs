using System.Numerics;
using System.Runtime.CompilerServices;

namespace Hearsay.Nlp.Learning;

/// <summary>
/// A frozen linear classifier over hashed features: an open-addressing table from feature hash to the non-zero
/// (class, weight) pairs of that feature. Scoring allocates nothing. Weights are stored as 16-bit floats on disk.
/// Reusable by any stage: the tagger, the parser's transition and label models, a named-entity tagger.
/// </summary>
public sealed class SparseLinearModel : ILinearScorer
{
    private const uint Magic = 0x4C53_4833; // "HSL3"
    // 32-bit fingerprints of the 64-bit feature hashes: an unknown feature matches a stored one with probability
    // (stored features / 2^32) per lookup, negligible next to the model's error, and the model is half the size.
    private readonly uint[] _keys;
    private readonly int[] _starts; // length = slots + 1 is not used: entries of slot s are [_starts[s], _starts[s] + _counts[s])
    private readonly ushort[] _counts;
    private readonly ushort[] _classes;
    private readonly float[] _weights;
    private readonly int _mask;

    // The scoring layout: one cache line holds a slot's key and where its weights are, or, for models of at most
    // three classes (the parser's transitions), the weights themselves, so a lookup costs one memory access.
    private readonly Slot[] _slots;
    private readonly DenseSlot[]? _dense;

    private struct Slot
    {
        public uint Key;
        public int Start;
        public int Count;
    }

    private struct DenseSlot
    {
        public uint Key;
        public float W0;
        public float W1;
        public float W2;
    }

    private SparseLinearModel(int classCount, uint[] keys, int[] starts, ushort[] counts, ushort[] classes, float[] weights)
    {
        ClassCount = classCount;
        _keys = keys;
        _starts = starts;
        _counts = counts;
        _classes = classes;
        _weights = weights;
        _mask = keys.Length - 1;
        if (classCount <= 3)
        {
            _slots = [];
            _dense = new DenseSlot[keys.Length];
            for (int s = 0; s < keys.Length; s++)
            {
                _dense[s].Key = keys[s];
                for (int e = starts[s]; e < starts[s] + counts[s]; e++)
                {
                    switch (classes[e])
                    {
                        case 0: _dense[s].W0 = weights[e]; break;
                        case 1: _dense[s].W1 = weights[e]; break;
                        default: _dense[s].W2 = weights[e]; break;
                    }
                }
            }
        }
        else
        {
            _slots = new Slot[keys.Length];
            for (int s = 0; s < keys.Length; s++)
            {
                _slots[s] = new Slot { Key = keys[s], Start = starts[s], Count = counts[s] };
            }
        }
    }

    public int ClassCount { get; }

    public int FeatureCount { get; private set; }

    public int WeightCount => _weights.Length;

    /// <summary>Adds the weights of every known feature to <paramref name="scores"/> (which is cleared first).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores[..ClassCount].Clear();
        if (_dense is not null)
        {
            ScoreDense(features, scores);
            return;
        }

        var slots = _slots;
        foreach (var raw in features)
        {
            uint f = Fingerprint(raw);
            int slot = (int)(f & (uint)_mask);
            while (true)
            {
                ref readonly var entry = ref slots[slot];
                uint k = entry.Key;
                if (k == f)
                {
                    int start = entry.Start;
                    int end = start + entry.Count;
                    for (int e = start; e < end; e++)
                    {
                        scores[_classes[e]] += _weights[e];
                    }

                    break;
                }

                if (k == 0)
                {
                    break;
                }

                slot = (slot + 1) & _mask;
            }
        }
    }

    private void ScoreDense(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        var dense = _dense!;
        float s0 = 0, s1 = 0, s2 = 0;
        foreach (var raw in features)
        {
            uint f = Fingerprint(raw);
            int slot = (int)(f & (uint)_mask);
            while (true)
            {
                ref readonly var entry = ref dense[slot];
                if (entry.Key == f)
                {
                    s0 += entry.W0;
                    s1 += entry.W1;
                    s2 += entry.W2;
                    break;
                }

                if (entry.Key == 0)
                {
                    break;
                }

                slot = (slot + 1) & _mask;
            }
        }

        scores[0] = s0;
        if (ClassCount > 1)
        {
            scores[1] = s1;
        }

        if (ClassCount > 2)
        {
            scores[2] = s2;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Fingerprint(ulong feature)
    {
        uint f = (uint)(feature >> 32);
        return f == 0 ? 1u : f;
    }

    /// <summary>Index of the highest score.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ArgMax(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int c = 1; c < scores.Length; c++)
        {
            if (scores[c] > scores[best])
            {
                best = c;
            }
        }

        return best;
    }

    /// <summary>A copy without weights of magnitude at most <paramref name="threshold"/> (and features left empty): smaller files.</summary>
    public SparseLinearModel Prune(float threshold)
    {
        var rows = new List<(uint Key, int Start, int Count)>();
        var classes = new List<ushort>();
        var weights = new List<float>();
        for (int s = 0; s < _keys.Length; s++)
        {
            if (_keys[s] == 0)
            {
                continue;
            }

            int start = classes.Count;
            for (int e = _starts[s]; e < _starts[s] + _counts[s]; e++)
            {
                if (Math.Abs(_weights[e]) > threshold)
                {
                    classes.Add(_classes[e]);
                    weights.Add(_weights[e]);
                }
            }

            if (classes.Count > start)
            {
                rows.Add((_keys[s], start, classes.Count - start));
            }
        }

        return Layout(ClassCount, rows, [.. classes], [.. weights]);
    }

    /// <summary>
    /// The element-wise mean of models with the same classes (a feature missing from a model counts as zero there):
    /// scores of the mean are the mean of the models' scores, as when averaging perceptrons trained with different seeds.
    /// </summary>
    public static SparseLinearModel Mean(IReadOnlyList<SparseLinearModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
        {
            throw new ArgumentException("At least one model is needed.", nameof(models));
        }

        int classCount = models[0].ClassCount;
        var sums = new Dictionary<uint, float[]>();
        var order = new List<uint>();
        foreach (var m in models)
        {
            if (m.ClassCount != classCount)
            {
                throw new ArgumentException("Models differ in their number of classes.", nameof(models));
            }

            for (int s = 0; s < m._keys.Length; s++)
            {
                if (m._keys[s] == 0)
                {
                    continue;
                }

                if (!sums.TryGetValue(m._keys[s], out var row))
                {
                    row = new float[classCount];
                    sums[m._keys[s]] = row;
                    order.Add(m._keys[s]);
                }

                for (int e = m._starts[s]; e < m._starts[s] + m._counts[s]; e++)
                {
                    row[m._classes[e]] += m._weights[e];
                }
            }
        }

        order.Sort();
        var rows = new List<(uint Key, int Start, int Count)>(order.Count);
        var classes = new List<ushort>();
        var weights = new List<float>();
        foreach (uint key in order)
        {
            int start = classes.Count;
            var row = sums[key];
            for (int c = 0; c < classCount; c++)
            {
                if (row[c] != 0f)
                {
                    classes.Add((ushort)c);
                    weights.Add(row[c] / models.Count);
                }
            }

            if (classes.Count > start)
            {
                rows.Add((key, start, classes.Count - start));
            }
        }

        return Layout(classCount, rows, [.. classes], [.. weights]);
    }

    private static SparseLinearModel Layout(int classCount, List<(uint Key, int Start, int Count)> rows, ushort[] classes, float[] weights)
    {
        int slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, rows.Count * 2));
        var keys = new uint[slots];
        var starts = new int[slots];
        var counts = new ushort[slots];
        foreach (var (key, start, count) in rows)
        {
            int slot = (int)(key & (uint)(slots - 1));
            while (keys[slot] != 0)
            {
                slot = (slot + 1) & (slots - 1);
            }

            keys[slot] = key;
            starts[slot] = start;
            counts[slot] = (ushort)count;
        }

        return new SparseLinearModel(classCount, keys, starts, counts, classes, weights) { FeatureCount = rows.Count };
    }

    public void Write(BinaryWriter writer)
    {
        writer.Write(Magic);
        writer.Write(ClassCount);
        writer.Write(FeatureCount);
        writer.Write(_weights.Length);
        bool smallClasses = ClassCount <= 256;
        for (int s = 0; s < _keys.Length; s++)
        {
            if (_keys[s] == 0)
            {
                continue;
            }

            writer.Write(_keys[s]);
            if (smallClasses)
            {
                writer.Write((byte)_counts[s]);
            }
            else
            {
                writer.Write(_counts[s]);
            }

            for (int e = _starts[s]; e < _starts[s] + _counts[s]; e++)
            {
                if (smallClasses)
                {
                    writer.Write((byte)_classes[e]);
                }
                else
                {
                    writer.Write(_classes[e]);
                }

                writer.Write((Half)_weights[e]);
            }
        }
    }

    public static SparseLinearModel Read(BinaryReader reader)
    {
        if (reader.ReadUInt32() != Magic)
        {
            throw new InvalidDataException("not a Hearsay linear model (bad magic number).");
        }

        int classCount = reader.ReadInt32();
        int features = reader.ReadInt32();
        int weights = reader.ReadInt32();
        if (features < 0 || weights < 0 || classCount <= 0)
        {
            throw new InvalidDataException("corrupt Hearsay linear model header.");
        }

        bool smallClasses = classCount <= 256;
        var rows = new List<(uint Key, int Start, int Count)>(features);
        var classes = new ushort[weights];
        var w = new float[weights];
        int at = 0;
        for (int i = 0; i < features; i++)
        {
            uint key = reader.ReadUInt32();
            int count = smallClasses ? reader.ReadByte() : reader.ReadUInt16();
            if (key == 0 || at + count > weights)
            {
                throw new InvalidDataException("corrupt Hearsay linear model entry.");
            }

            rows.Add((key, at, count));
            for (int e = 0; e < count; e++)
            {
                classes[at] = smallClasses ? reader.ReadByte() : reader.ReadUInt16();
                w[at] = (float)reader.ReadHalf();
                at++;
            }
        }

        return Layout(classCount, rows, classes, w);
    }

    /// <summary>Collects feature rows, then lays them out as a <see cref="SparseLinearModel"/>.</summary>
    public sealed class Builder
    {
        private readonly List<ulong> _features = [];
        private readonly List<int> _rowStart = [];
        private readonly List<ushort> _classes = [];
        private readonly List<float> _weights = [];

        public Builder(int classCount)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(classCount, ushort.MaxValue);

            ClassCount = classCount;
        }

        public int ClassCount { get; }

        /// <summary>Adds a feature with its dense row of weights (zeros are skipped).</summary>
        public void Add(ulong feature, ReadOnlySpan<float> row)
        {
            _features.Add(feature);
            _rowStart.Add(_classes.Count);
            for (int c = 0; c < row.Length; c++)
            {
                if (row[c] != 0f)
                {
                    _classes.Add((ushort)c);
                    _weights.Add(row[c]);
                }
            }
        }

        public SparseLinearModel Build()
        {
            int n = _features.Count;
            var rows = new List<(uint Key, int Start, int Count)>(n);
            for (int i = 0; i < n; i++)
            {
                int end = i + 1 < n ? _rowStart[i + 1] : _classes.Count;
                rows.Add((Fingerprint(_features[i]), _rowStart[i], end - _rowStart[i]));
            }

            return Layout(ClassCount, rows, [.. _classes], [.. _weights]);
        }
    }
}
