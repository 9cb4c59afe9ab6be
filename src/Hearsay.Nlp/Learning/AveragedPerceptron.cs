using System.Runtime.InteropServices;

namespace Hearsay.Nlp.Learning;

/// <summary>
/// A multi-class averaged perceptron over hashed features (ulong), for training. Each feature that takes part in
/// an update gets a dense row of <see cref="ClassCount"/> weights; averaging is lazy (per-weight timestamps), so an
/// update costs O(features). Call <see cref="Tick"/> once per training instance, <see cref="Update"/> on a mistake,
/// and <see cref="Average"/> at the end to get the compact <see cref="SparseLinearModel"/> used for prediction.
/// Deterministic: no randomness inside; shuffle the data with a seeded <see cref="Random"/> outside.
/// </summary>
public sealed class AveragedPerceptron : ILinearScorer
{
    private readonly Dictionary<ulong, int> _rows = new();
    private float[] _weights;
    private float[] _totals;
    private int[] _stamps;
    private int[] _rowUpdates = new int[1 << 14];
    private int _rowCount;
    private int _instance;

    public AveragedPerceptron(int classCount, int initialRows = 1 << 14)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        ClassCount = classCount;
        _weights = new float[initialRows * classCount];
        _totals = new float[initialRows * classCount];
        _stamps = new int[initialRows * classCount];
    }

    public int ClassCount { get; }

    /// <summary>Features that own a weight row.</summary>
    public int RowCount => _rowCount;

    /// <summary>Training instances seen so far.</summary>
    public int Instances => _instance;

    public void Tick() => _instance++;

    /// <summary>Current (not averaged) scores of every class.</summary>
    public void Score(ReadOnlySpan<ulong> features, Span<float> scores)
    {
        scores[..ClassCount].Clear();
        foreach (var f in features)
        {
            if (_rows.TryGetValue(f, out int row))
            {
                var w = _weights.AsSpan(row * ClassCount, ClassCount);
                for (int c = 0; c < w.Length; c++)
                {
                    scores[c] += w[c];
                }
            }
        }
    }

    /// <summary>Rewards <paramref name="truth"/> and penalizes <paramref name="guess"/> on every feature (no-op when equal).</summary>
    public void Update(ReadOnlySpan<ulong> features, int truth, int guess, float step = 1f)
    {
        if (truth == guess)
        {
            return;
        }

        foreach (var f in features)
        {
            int row = RowOf(f);
            _rowUpdates[row]++;
            Change((row * ClassCount) + truth, step);
            Change((row * ClassCount) + guess, -step);
        }
    }

    /// <summary>Adds <paramref name="step"/> to the weight of class <paramref name="c"/> on every feature: one half of a
    /// structured update, where the gold and the predicted sequences visit different configurations.</summary>
    public void Add(ReadOnlySpan<ulong> features, int c, float step)
    {
        foreach (var f in features)
        {
            int row = RowOf(f);
            _rowUpdates[row]++;
            Change((row * ClassCount) + c, step);
        }
    }

    private void Change(int i, float delta)
    {
        _totals[i] += (_instance - _stamps[i]) * _weights[i];
        _stamps[i] = _instance;
        _weights[i] += delta;
    }

    private int RowOf(ulong feature)
    {
        ref int row = ref CollectionsMarshal.GetValueRefOrAddDefault(_rows, feature, out bool exists);
        if (!exists)
        {
            row = _rowCount++;
            if (_rowCount * ClassCount > _weights.Length)
            {
                int size = Math.Max(_weights.Length * 2, _rowCount * ClassCount);
                Array.Resize(ref _weights, size);
                Array.Resize(ref _totals, size);
                Array.Resize(ref _stamps, size);
            }

            if (_rowCount > _rowUpdates.Length)
            {
                Array.Resize(ref _rowUpdates, _rowUpdates.Length * 2);
            }
        }

        return row;
    }

    /// <summary>
    /// The averaged weights as a prediction model, dropping weights whose magnitude is at most
    /// <paramref name="threshold"/>, features updated fewer than <paramref name="minUpdates"/> times, and features left with none.
    /// </summary>
    public SparseLinearModel Average(float threshold = 0f, int minUpdates = 1)
    {
        var builder = new SparseLinearModel.Builder(ClassCount);
        float n = Math.Max(1, _instance);
        Span<float> row = new float[ClassCount];
        foreach (var (feature, r) in _rows)
        {
            if (_rowUpdates[r] < minUpdates)
            {
                continue;
            }

            int kept = 0;
            for (int c = 0; c < ClassCount; c++)
            {
                int i = (r * ClassCount) + c;
                float total = _totals[i] + ((_instance - _stamps[i]) * _weights[i]);
                float avg = total / n;
                row[c] = Math.Abs(avg) > threshold ? avg : 0f;
                if (row[c] != 0f)
                {
                    kept++;
                }
            }

            if (kept > 0)
            {
                builder.Add(feature, row);
            }
        }

        return builder.Build();
    }
}
