namespace Hearsay.Attribution.Evaluation;

/// <summary>Result of <see cref="SeedScorer"/>: fractions under the contract's keys and one detail line per gold item.</summary>
public sealed class SeedScore
{
    public Dictionary<string, object?> Metrics { get; } = new(StringComparer.Ordinal);

    public List<string> Details { get; } = [];
}
