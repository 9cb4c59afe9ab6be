using System.Numerics;
using System.Runtime.CompilerServices;

namespace Hearsay.Nlp.Learning;

/// <summary>
/// A frozen linear classifier over hashed features: an open-addressing table from feature hash to the non-zero
/// (class, weight) pairs of that feature. Scoring allocates nothing. Weights are stored as 16-bit floats on disk.
/// Reusable by any stage: the tagger, the parser's transition and label models, a named-entity tagger.
/// </summary>
public sealed class SparseLinearModel
{
    private const uint Magic = 0x4C53_4831; // "HSL1"
    private readonly ulong[] _keys;
    private readonly int[] _starts; // length = slots + 1 is not used: entries of slot s are [_starts[s], _starts[s] + _counts[s])
    private readonly ushort[] _counts;
    private readonly ushort[] _classes;
    private readonly float[] _weights;
    private readonly int _mask;

    private SparseLinearModel(int classCount, ulong[] keys, int[] starts, ushort[] counts, ushort[] classes, float[] weights)
    {
        ClassCount = classCount;
        _keys = keys;
        _starts = starts;
        _counts = counts;
        _classes = classes;
        _weights = weights;
        _mask = keys.Length - 1;
    }

    public int ClassCount { get; }

    public int FeatureCount { get; private set; }

    public int WeightCount => _weights.Length;

    /// <summary>Adds the weights of every known feature to <paramref name="scores"/> (which is cleared first).</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores[..ClassCount].Clear();
        var keys = _keys;
        foreach (var raw in features)
        {
            ulong f = raw == 0 ? 1 : raw;
            int slot = (int)(f & (ulong)_mask);
            while (true)
            {
                ulong k = keys[slot];
                if (k == f)
                {
                    int start = _starts[slot];
                    int end = start + _counts[slot];
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

    /// <summary>Index of the best class among those allowed by <paramref name="allowed"/> (null: all).</summary>
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

    public void Write(BinaryWriter writer)
    {
        writer.Write(Magic);
        writer.Write(ClassCount);
        writer.Write(FeatureCount);
        writer.Write(_weights.Length);
        for (int s = 0; s < _keys.Length; s++)
        {
            if (_keys[s] == 0)
            {
                continue;
            }

            writer.Write(_keys[s]);
            writer.Write(_counts[s]);
            for (int e = _starts[s]; e < _starts[s] + _counts[s]; e++)
            {
                writer.Write(_classes[e]);
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
        int slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, features * 2));
        var keys = new ulong[slots];
        var starts = new int[slots];
        var counts = new ushort[slots];
        var classes = new ushort[weights];
        var w = new float[weights];
        int at = 0;
        for (int i = 0; i < features; i++)
        {
            ulong key = reader.ReadUInt64();
            ushort count = reader.ReadUInt16();
            int slot = (int)(key & (ulong)(slots - 1));
            while (keys[slot] != 0)
            {
                slot = (slot + 1) & (slots - 1);
            }

            keys[slot] = key;
            starts[slot] = at;
            counts[slot] = count;
            for (int e = 0; e < count; e++)
            {
                classes[at] = reader.ReadUInt16();
                w[at] = (float)reader.ReadHalf();
                at++;
            }
        }

        return new SparseLinearModel(classCount, keys, starts, counts, classes, w) { FeatureCount = features };
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
            if (classCount > ushort.MaxValue)
            {
                throw new ArgumentOutOfRangeException(nameof(classCount));
            }

            ClassCount = classCount;
        }

        public int ClassCount { get; }

        /// <summary>Adds a feature with its dense row of weights (zeros are skipped).</summary>
        public void Add(ulong feature, ReadOnlySpan<float> row)
        {
            _features.Add(feature == 0 ? 1 : feature);
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
            int slots = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, n * 2));
            var keys = new ulong[slots];
            var starts = new int[slots];
            var counts = new ushort[slots];
            for (int i = 0; i < n; i++)
            {
                int end = i + 1 < n ? _rowStart[i + 1] : _classes.Count;
                ulong key = _features[i];
                int slot = (int)(key & (ulong)(slots - 1));
                while (keys[slot] != 0)
                {
                    slot = (slot + 1) & (slots - 1);
                }

                keys[slot] = key;
                starts[slot] = _rowStart[i];
                counts[slot] = (ushort)(end - _rowStart[i]);
            }

            return new SparseLinearModel(ClassCount, keys, starts, counts, [.. _classes], [.. _weights]) { FeatureCount = n };
        }
    }
}
