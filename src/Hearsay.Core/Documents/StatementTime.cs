namespace Hearsay.Core.Documents;

/// <summary>When an attributed statement was made, as a span of the text and its normalized value.</summary>
public sealed record StatementTime(CharRange Range, string Value);
