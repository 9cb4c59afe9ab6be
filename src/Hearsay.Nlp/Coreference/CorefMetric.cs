namespace Hearsay.Nlp.Coreference;

/// <summary>Summed recall and precision numerators and denominators of one coreference metric (micro over documents).</summary>
public struct CorefMetric
{
    public double RecallNumerator;

    public double RecallDenominator;

    public double PrecisionNumerator;

    public double PrecisionDenominator;

    public readonly double Recall => RecallDenominator == 0 ? 0 : RecallNumerator / RecallDenominator;

    public readonly double Precision => PrecisionDenominator == 0 ? 0 : PrecisionNumerator / PrecisionDenominator;

    public readonly double F1 => Recall + Precision == 0 ? 0 : 2 * Recall * Precision / (Recall + Precision);

    public void Add(CorefMetric other)
    {
        RecallNumerator += other.RecallNumerator;
        RecallDenominator += other.RecallDenominator;
        PrecisionNumerator += other.PrecisionNumerator;
        PrecisionDenominator += other.PrecisionDenominator;
    }

    public readonly Dictionary<string, object> ToMetrics() => new(StringComparer.Ordinal)
    {
        ["p"] = Math.Round(Precision, 4),
        ["r"] = Math.Round(Recall, 4),
        ["f1"] = Math.Round(F1, 4),
    };
}
