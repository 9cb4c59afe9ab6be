namespace Hearsay.Extraction.Evaluation;

/// <summary>What a system extracted from one page, reduced to what the gold can judge.</summary>
public sealed record ExtractedFields(string Text, string? Title, string? Author, string? Date);
