namespace Hearsay.Core.Documents;

/// <summary>Polarity of what is attributed; Mixed joins an affirmed and a negated proposition.</summary>
public enum ContentPolarity
{
    Affirmed,
    Negated,
    Hedged,
    Mixed,
}
