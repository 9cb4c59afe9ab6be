using Hearsay.Core.Documents;
using Hearsay.Core.Evaluation;

namespace Hearsay.Nlp.Time;

/// <summary>
/// TempEval-3 task A scoring, as the official scorer computes it: a system TIMEX3 that overlaps a gold
/// one is a relaxed match (one-to-one, in text order), a match with the same text is strict; type and
/// value are compared on relaxed matches; value F1 is value accuracy times relaxed F1.
/// </summary>
public sealed class TimexScorer
{
    public int Gold { get; private set; }

    public int System { get; private set; }

    public int Strict { get; private set; }

    public int Relaxed { get; private set; }

    public int TypeMatches { get; private set; }

    public int ValueMatches { get; private set; }

    /// <summary>Mismatches for the human-readable report: "miss", "extra", "span", "type", "value" lines.</summary>
    public List<string> Errors { get; } = [];

    public void Add(string name, string text, IReadOnlyList<TimeMlTimex> gold, IReadOnlyList<TimeExpression> system)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(system);
        Gold += gold.Count;
        System += system.Count;
        var used = new bool[system.Count];
        foreach (var g in gold)
        {
            int match = -1;
            for (int i = 0; i < system.Count; i++)
            {
                if (!used[i] && system[i].Range.Overlaps(g.Range))
                {
                    match = i;
                    break;
                }
            }

            var gText = g.Range.Substring(text);
            if (match < 0)
            {
                Errors.Add($"miss\t{name}\t{gText}\t{TimeMlDocument.TypeName(g.Type)}\t{g.Value}");
                continue;
            }

            used[match] = true;
            var s = system[match];
            var sText = s.Range.Substring(text);
            Relaxed++;
            if (sText == gText)
            {
                Strict++;
            }
            else
            {
                Errors.Add($"span\t{name}\t{gText}\t{sText}");
            }

            if (s.Type == g.Type)
            {
                TypeMatches++;
            }

            if (s.Value == g.Value)
            {
                ValueMatches++;
            }
            else
            {
                Errors.Add($"value\t{name}\t{gText}\t{g.Value}\t{s.Value}");
            }
        }

        for (int i = 0; i < system.Count; i++)
        {
            if (!used[i])
            {
                Errors.Add($"extra\t{name}\t{system[i].Range.Substring(text)}\t{TimeMlDocument.TypeName(system[i].Type)}\t{system[i].Value}");
            }
        }
    }

    public PrecisionRecall StrictCounts => new() { TruePositives = Strict, FalsePositives = System - Strict, FalseNegatives = Gold - Strict };

    public PrecisionRecall RelaxedCounts => new() { TruePositives = Relaxed, FalsePositives = System - Relaxed, FalseNegatives = Gold - Relaxed };

    public double TypeAccuracy => Relaxed == 0 ? 0 : (double)TypeMatches / Relaxed;

    public double ValueAccuracy => Relaxed == 0 ? 0 : (double)ValueMatches / Relaxed;

    /// <summary>The official "Attribute F1 Value": value accuracy on relaxed matches times relaxed F1.</summary>
    public double ValueF1 => ValueAccuracy * RelaxedCounts.F1;

    /// <summary>The metric keys of the foundation issue: strict, relaxed ({p, r, f1}), type (accuracy), value ({accuracy, f1}).</summary>
    public void WriteTo(EvalReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        report.Metrics["strict"] = StrictCounts.ToMetrics();
        report.Metrics["relaxed"] = RelaxedCounts.ToMetrics();
        report.Metrics["type"] = Math.Round(TypeAccuracy, 4);
        report.Metrics["value"] = new Dictionary<string, object> { ["accuracy"] = Math.Round(ValueAccuracy, 4), ["f1"] = Math.Round(ValueF1, 4) };
        report.Metrics["counts"] = new Dictionary<string, object> { ["gold"] = Gold, ["system"] = System, ["strict"] = Strict, ["relaxed"] = Relaxed, ["type"] = TypeMatches, ["value"] = ValueMatches };
    }
}
