namespace Hearsay.Core.Documents;

/// <summary>
/// A span that refers to an entity. <see cref="EntityIndex"/> points into
/// <see cref="Document.Entities"/> once coreference (or a simpler clustering) has run, else -1.
/// </summary>
public sealed record Mention(CharRange Range, TokenRange Tokens, EntityLabel Label, MentionKind Kind)
{
    public int EntityIndex { get; set; } = -1;

    /// <summary>Model score or 1 for rules; kept for calibration and debugging.</summary>
    public double Confidence { get; init; } = 1.0;
}
