using System.Runtime.CompilerServices;

namespace Hearsay.Attribution.Tagging;

/// <summary>The tagger's emission scores (n x labels) and transitions ([previous + 1, next], row 0 = start) over one unit.</summary>
public readonly record struct TagLattice(float[] Emissions, float[] Transitions)
{
    private const int L = BioLabels.Count;

    /// <summary>The score of the best labelling (max-sum forward pass).</summary>
    public float BestScore() => BestScore(Emissions);

    /// <summary>
    /// How sure the tagger is that a span of <paramref name="role"/> stands on [<paramref name="s"/>, <paramref name="e"/>):
    /// <paramref name="best"/> (see <see cref="BestScore()"/>) minus the best score of a labelling with no label of that role on the span.
    /// </summary>
    public float Margin(AttributionRole role, int s, int e, float best)
    {
        var masked = (float[])Emissions.Clone();
        for (int i = s; i < e; i++)
        {
            masked[(i * L) + BioLabels.Begin(role)] = float.NegativeInfinity;
            masked[(i * L) + BioLabels.Inside(role)] = float.NegativeInfinity;
        }

        return best - BestScore(masked);
    }

    private float BestScore(float[] emissions)
    {
        int n = emissions.Length / L;
        if (n == 0)
        {
            return 0;
        }

        var forward = new float[n * L];
        Forward(emissions, Transitions, n, forward);
        float best = float.NegativeInfinity;
        for (int y = 0; y < L; y++)
        {
            best = MathF.Max(best, forward[((n - 1) * L) + y]);
        }

        return best;
    }

    /// <summary>Max-sum forward pass: <paramref name="forward"/>[i, y] is the best score of a labelling of tokens 0..i ending in y.</summary>
    internal static void Forward(float[] emissions, float[] transitions, int n, float[] forward)
    {
        for (int y = 0; y < L; y++)
        {
            forward[y] = y == 0 || BioLabels.IsBegin(y) ? transitions[y] + emissions[y] : float.NegativeInfinity;
        }

        for (int i = 1; i < n; i++)
        {
            for (int y = 0; y < L; y++)
            {
                float m = float.NegativeInfinity;
                for (int p = 0; p < L; p++)
                {
                    if (BioLabels.Allowed(p, y))
                    {
                        m = MathF.Max(m, forward[((i - 1) * L) + p] + transitions[((p + 1) * L) + y]);
                    }
                }

                forward[(i * L) + y] = m + emissions[(i * L) + y];
            }
        }
    }
}

/// <summary>
/// What the tagger thinks of an alternative content span: how far below its best labelling the best
/// labelling with exactly that content span scores (max-sum forward and backward passes, then O(1) per
/// span). Zero for the span it chose; a gold edge it nearly chose costs little, one it never considered much.
/// </summary>
internal sealed class ContentSpanCost
{
    private const int L = BioLabels.Count;
    private static readonly int B = BioLabels.Begin(AttributionRole.Content);
    private static readonly int I = BioLabels.Inside(AttributionRole.Content);

    private readonly float[] _e;
    private readonly float[] _t;
    private readonly float[] _forward;
    private readonly float[] _backward;
    private readonly float[] _insidePrefix;
    private readonly int _n;
    private readonly float _best;

    public ContentSpanCost(TagLattice lattice, int n)
    {
        _e = lattice.Emissions;
        _t = lattice.Transitions;
        _n = n;
        _forward = new float[n * L];
        _backward = new float[n * L];
        TagLattice.Forward(_e, _t, n, _forward);

        for (int i = n - 2; i >= 0; i--)
        {
            for (int y = 0; y < L; y++)
            {
                float m = float.NegativeInfinity;
                for (int x = 0; x < L; x++)
                {
                    if (BioLabels.Allowed(y, x))
                    {
                        m = MathF.Max(m, _t[((y + 1) * L) + x] + _e[((i + 1) * L) + x] + _backward[((i + 1) * L) + x]);
                    }
                }

                _backward[(i * L) + y] = m;
            }
        }

        _best = float.NegativeInfinity;
        for (int y = 0; y < L; y++)
        {
            _best = MathF.Max(_best, _forward[((n - 1) * L) + y]);
        }

        _insidePrefix = new float[n + 1];
        for (int i = 0; i < n; i++)
        {
            _insidePrefix[i + 1] = _insidePrefix[i] + _e[(i * L) + I];
        }
    }

    /// <summary>Best score minus the best score of a labelling whose content span [s, e) stands exactly so (never negative).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public float Cost(int s, int e)
    {
        float left;
        if (s == 0)
        {
            left = _t[B];
        }
        else
        {
            left = float.NegativeInfinity;
            for (int p = 0; p < L; p++)
            {
                left = MathF.Max(left, _forward[((s - 1) * L) + p] + _t[((p + 1) * L) + B]);
            }
        }

        float inside = _e[(s * L) + B];
        int last = B;
        if (e > s + 1)
        {
            inside += _t[((B + 1) * L) + I] + (_t[((I + 1) * L) + I] * (e - s - 2)) + _insidePrefix[e] - _insidePrefix[s + 1];
            last = I;
        }

        float right = 0;
        if (e < _n)
        {
            right = float.NegativeInfinity;
            for (int y = 0; y < L; y++)
            {
                if (y != I)
                {
                    right = MathF.Max(right, _t[((last + 1) * L) + y] + _e[(e * L) + y] + _backward[(e * L) + y]);
                }
            }
        }

        return MathF.Max(0, _best - (left + inside + right));
    }
}
