namespace Hearsay.Extraction.Evaluation;

/// <summary>
/// What a system extracted from one page, reduced to what the gold can judge. <paramref name="Modified"/> is never
/// scored: it only tells a date miss whose gold is the page's last-modified date from other misses.
/// </summary>
public sealed record ExtractedFields(string Text, string? Title, string? Author, string? Date, string? Modified = null);
