using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Coreference;

/// <summary>
/// MUC, B3 and CEAF-e (entity-based, phi4 similarity, optimal alignment) with the CoNLL-2012 reference
/// scorer's definitions; mentions match only by exact token span. Sums over documents (micro). The CoNLL
/// score <see cref="ConllF1"/> is the mean of the three F1s. With <c>singletons: false</c>, clusters of one
/// mention are removed from key and response before scoring, as in CoNLL-2012 and the CorefUD scorer.
/// </summary>
public sealed class CorefScorer
{
    private readonly bool _singletons;
    private CorefMetric _muc;
    private CorefMetric _b3;
    private CorefMetric _ceafe;

    public CorefScorer(bool singletons)
    {
        _singletons = singletons;
    }

    public int Documents { get; private set; }

    public CorefMetric Muc => _muc;

    public CorefMetric B3 => _b3;

    public CorefMetric CeafE => _ceafe;

    public double ConllF1 => (_muc.F1 + _b3.F1 + _ceafe.F1) / 3;

    public void Add(IReadOnlyList<IReadOnlyList<TokenRange>> key, IReadOnlyList<IReadOnlyList<TokenRange>> response)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(response);
        var k = Prepare(key);
        var r = Prepare(response);
        var keyOf = ClusterOf(k);
        var responseOf = ClusterOf(r);
        _muc.Add(ScoreMuc(k, r, keyOf, responseOf));
        _b3.Add(ScoreB3(k, r, responseOf, keyOf));
        _ceafe.Add(ScoreCeafE(k, r, responseOf));
        Documents++;
    }

    public Dictionary<string, object> ToMetrics()
    {
        return new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["f1"] = Math.Round(ConllF1, 4),
            ["muc"] = _muc.ToMetrics(),
            ["b3"] = _b3.ToMetrics(),
            ["ceafe"] = _ceafe.ToMetrics(),
        };
    }

    private List<TokenRange[]> Prepare(IReadOnlyList<IReadOnlyList<TokenRange>> clusters)
    {
        // A mention in two clusters keeps its first: the metrics assume a partition.
        var seen = new HashSet<TokenRange>();
        var result = new List<TokenRange[]>(clusters.Count);
        foreach (var c in clusters)
        {
            var kept = new List<TokenRange>(c.Count);
            foreach (var m in c)
            {
                if (seen.Add(m))
                {
                    kept.Add(m);
                }
            }

            if (kept.Count > 1 || (_singletons && kept.Count == 1))
            {
                result.Add([.. kept]);
            }
        }

        return result;
    }

    private static Dictionary<TokenRange, int> ClusterOf(List<TokenRange[]> clusters)
    {
        var map = new Dictionary<TokenRange, int>();
        for (int i = 0; i < clusters.Count; i++)
        {
            foreach (var m in clusters[i])
            {
                map[m] = i;
            }
        }

        return map;
    }

    internal static CorefMetric ScoreMuc(List<TokenRange[]> key, List<TokenRange[]> response, Dictionary<TokenRange, int> keyOf, Dictionary<TokenRange, int> responseOf)
    {
        var metric = default(CorefMetric);
        MucSide(key, responseOf, ref metric.RecallNumerator, ref metric.RecallDenominator);
        MucSide(response, keyOf, ref metric.PrecisionNumerator, ref metric.PrecisionDenominator);
        return metric;
    }

    private static void MucSide(List<TokenRange[]> clusters, Dictionary<TokenRange, int> otherOf, ref double numerator, ref double denominator)
    {
        var parts = new HashSet<int>();
        foreach (var c in clusters)
        {
            parts.Clear();
            int unaligned = 0;
            foreach (var m in c)
            {
                if (otherOf.TryGetValue(m, out int o))
                {
                    parts.Add(o);
                }
                else
                {
                    unaligned++;
                }
            }

            numerator += c.Length - (parts.Count + unaligned);
            denominator += c.Length - 1;
        }
    }

    internal static CorefMetric ScoreB3(List<TokenRange[]> key, List<TokenRange[]> response, Dictionary<TokenRange, int> responseOf, Dictionary<TokenRange, int> keyOf)
    {
        var metric = default(CorefMetric);
        B3Side(key, responseOf, ref metric.RecallNumerator, ref metric.RecallDenominator);
        B3Side(response, keyOf, ref metric.PrecisionNumerator, ref metric.PrecisionDenominator);
        return metric;
    }

    private static void B3Side(List<TokenRange[]> clusters, Dictionary<TokenRange, int> otherOf, ref double numerator, ref double denominator)
    {
        var counts = new Dictionary<int, int>();
        foreach (var c in clusters)
        {
            counts.Clear();
            foreach (var m in c)
            {
                if (otherOf.TryGetValue(m, out int o))
                {
                    counts[o] = counts.GetValueOrDefault(o) + 1;
                }
            }

            foreach (var n in counts.Values)
            {
                numerator += (double)n * n / c.Length;
            }

            denominator += c.Length;
        }
    }

    internal static CorefMetric ScoreCeafE(List<TokenRange[]> key, List<TokenRange[]> response, Dictionary<TokenRange, int> responseOf)
    {
        var metric = default(CorefMetric);
        metric.RecallDenominator = key.Count;
        metric.PrecisionDenominator = response.Count;
        if (key.Count == 0 || response.Count == 0)
        {
            return metric;
        }

        var similarity = new double[key.Count, response.Count];
        for (int i = 0; i < key.Count; i++)
        {
            foreach (var m in key[i])
            {
                if (responseOf.TryGetValue(m, out int j))
                {
                    similarity[i, j] += 1;
                }
            }
        }

        for (int i = 0; i < key.Count; i++)
        {
            for (int j = 0; j < response.Count; j++)
            {
                if (similarity[i, j] > 0)
                {
                    similarity[i, j] = 2 * similarity[i, j] / (key[i].Length + response[j].Length);
                }
            }
        }

        double total = Assignment.MaximumWeight(similarity);
        metric.RecallNumerator = total;
        metric.PrecisionNumerator = total;
        return metric;
    }
}
