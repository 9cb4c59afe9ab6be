using Hearsay.Core.Documents;
using Hearsay.Core.Evaluation;

namespace Hearsay.Nlp.Entities;

/// <summary>Exact-span entity scoring (conlleval's definition): a prediction counts only with the same start, end and label.</summary>
public sealed class NerScore
{
    public PrecisionRecall Micro;

    public Dictionary<EntityLabel, PrecisionRecall> PerType { get; } = [];

    public void Add(ReadOnlySpan<EntitySpan> gold, ReadOnlySpan<EntitySpan> predicted, IReadOnlySet<EntityLabel>? scored = null)
    {
        var g = new HashSet<EntitySpan>();
        foreach (var s in gold)
        {
            if (scored is null || scored.Contains(s.Label))
            {
                g.Add(s);
            }
        }

        foreach (var p in predicted)
        {
            if (scored is not null && !scored.Contains(p.Label))
            {
                continue;
            }

            var pr = PerType.GetValueOrDefault(p.Label);
            if (g.Remove(p))
            {
                pr.TruePositives++;
                Micro.TruePositives++;
            }
            else
            {
                pr.FalsePositives++;
                Micro.FalsePositives++;
            }

            PerType[p.Label] = pr;
        }

        foreach (var s in g)
        {
            var pr = PerType.GetValueOrDefault(s.Label);
            pr.FalseNegatives++;
            Micro.FalseNegatives++;
            PerType[s.Label] = pr;
        }
    }
}
