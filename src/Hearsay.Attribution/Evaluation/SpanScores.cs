using Hearsay.Attribution.Tagging;

namespace Hearsay.Attribution.Evaluation;

/// <summary>
/// Span scores per role, the way PolNeAR results are published: exact match (same token
/// boundaries) and overlap (a predicted span is correct when it shares a token with a gold span
/// of the same role; a gold span is found when some predicted span shares a token with it).
/// </summary>
public sealed class SpanScores
{
    private readonly double[] _goldN = new double[3];
    private readonly double[] _predN = new double[3];
    private readonly double[] _exact = new double[3];
    private readonly double[] _overlapP = new double[3];
    private readonly double[] _overlapR = new double[3];

    public int Sentences { get; private set; }

    public void Add(ReadOnlySpan<int> gold, ReadOnlySpan<int> predicted)
    {
        Sentences++;
        foreach (var role in Enum.GetValues<AttributionRole>())
        {
            AddSpans(role, BioLabels.Spans(gold, role), BioLabels.Spans(predicted, role));
        }
    }

    public void AddSpans(AttributionRole role, List<(int Start, int End)> g, List<(int Start, int End)> p)
    {
        int r = (int)role;
        _goldN[r] += g.Count;
        _predN[r] += p.Count;
        foreach (var x in p)
        {
            bool exact = false, overlap = false;
            foreach (var y in g)
            {
                exact |= x == y;
                overlap |= x.Start < y.End && y.Start < x.End;
            }

            _exact[r] += exact ? 1 : 0;
            _overlapP[r] += overlap ? 1 : 0;
        }

        foreach (var y in g)
        {
            foreach (var x in p)
            {
                if (x.Start < y.End && y.Start < x.End)
                {
                    _overlapR[r]++;
                    break;
                }
            }
        }
    }

    public (double P, double R, double F1) Exact(AttributionRole role)
    {
        int r = (int)role;
        return Prf(_exact[r], _predN[r], _exact[r], _goldN[r]);
    }

    public (double P, double R, double F1) Overlap(AttributionRole role)
    {
        int r = (int)role;
        return Prf(_overlapP[r], _predN[r], _overlapR[r], _goldN[r]);
    }

    /// <summary>Mean exact F1 over the three roles: the number model selection maximizes.</summary>
    public double MeanExactF1 => (Exact(AttributionRole.Source).F1 + Exact(AttributionRole.Cue).F1 + Exact(AttributionRole.Content).F1) / 3;

    /// <summary>The contract's metric shape: source/cue/content each with exact and overlap {p, r, f1}.</summary>
    public Dictionary<string, object?> ToMetrics()
    {
        var m = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var role in Enum.GetValues<AttributionRole>())
        {
            m[role.ToString().ToLowerInvariant()] = new Dictionary<string, object>
            {
                ["exact"] = Shape(Exact(role)),
                ["overlap"] = Shape(Overlap(role)),
                ["gold"] = _goldN[(int)role],
                ["predicted"] = _predN[(int)role],
            };
        }

        return m;
    }

    public string Summary()
    {
        var parts = new List<string>();
        foreach (var role in Enum.GetValues<AttributionRole>())
        {
            var e = Exact(role);
            var o = Overlap(role);
            parts.Add(FormattableString.Invariant($"{role.ToString().ToLowerInvariant()} exact P/R/F1 {e.P * 100:F1}/{e.R * 100:F1}/{e.F1 * 100:F1} overlap {o.P * 100:F1}/{o.R * 100:F1}/{o.F1 * 100:F1}"));
        }

        return string.Join("; ", parts);
    }

    internal static Dictionary<string, object> Shape((double P, double R, double F1) x) => new()
    {
        ["p"] = Math.Round(x.P, 4),
        ["r"] = Math.Round(x.R, 4),
        ["f1"] = Math.Round(x.F1, 4),
    };

    private static (double, double, double) Prf(double tpP, double predN, double tpR, double goldN)
    {
        double p = predN == 0 ? 0 : tpP / predN;
        double r = goldN == 0 ? 0 : tpR / goldN;
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return (p, r, f);
    }
}
