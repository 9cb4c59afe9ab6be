namespace Hearsay.Core.Documents;

/// <summary>
/// Who said what, according to whom. Content may be discontinuous (a quote split around its cue).
/// <see cref="Upstream"/> is ordered along the path of the information: nearest relay first,
/// origin last ("X reported, citing a source speaking to Y": Y, then the source).
/// </summary>
public sealed record Attribution(
    AttributionSource Source,
    CharRange Cue,
    IReadOnlyList<CharRange> Content,
    AttributionForm Form,
    ContentPolarity Polarity,
    IReadOnlyList<ChainLink> Upstream)
{
    public StatementTime? Time { get; init; }

    /// <summary>Model score, or 1 for a rule.</summary>
    public double Confidence { get; init; } = 1.0;

    /// <summary>Which rule or model produced this attribution, for error analysis.</summary>
    public string Evidence { get; init; } = "";

    /// <summary>The smallest range covering every content part.</summary>
    public CharRange ContentExtent
    {
        get
        {
            if (Content.Count == 0)
            {
                return new CharRange(Cue.Start, Cue.Start);
            }

            var extent = Content[0];
            for (int i = 1; i < Content.Count; i++)
            {
                extent = CharRange.Cover(extent, Content[i]);
            }

            return extent;
        }
    }
}
