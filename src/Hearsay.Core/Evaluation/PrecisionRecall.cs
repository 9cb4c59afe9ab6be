namespace Hearsay.Core.Evaluation;

/// <summary>True-positive, false-positive and false-negative counts, with the fractions derived from them.</summary>
public struct PrecisionRecall
{
    public double TruePositives;

    public double FalsePositives;

    public double FalseNegatives;

    public readonly double Precision => TruePositives + FalsePositives == 0 ? 0 : TruePositives / (TruePositives + FalsePositives);

    public readonly double Recall => TruePositives + FalseNegatives == 0 ? 0 : TruePositives / (TruePositives + FalseNegatives);

    public readonly double F1 => (2 * TruePositives) + FalsePositives + FalseNegatives == 0 ? 0 : 2 * TruePositives / ((2 * TruePositives) + FalsePositives + FalseNegatives);

    public void Add(PrecisionRecall other)
    {
        TruePositives += other.TruePositives;
        FalsePositives += other.FalsePositives;
        FalseNegatives += other.FalseNegatives;
    }

    /// <summary>The contract's shape: {"p", "r", "f1"} as fractions.</summary>
    public readonly Dictionary<string, object> ToMetrics() => new()
    {
        ["p"] = Math.Round(Precision, 4),
        ["r"] = Math.Round(Recall, 4),
        ["f1"] = Math.Round(F1, 4),
    };
}
