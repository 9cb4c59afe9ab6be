namespace Hearsay.Extraction.Evaluation;

/// <summary>One gold page: where its HTML is, its URL when known, body snippets and metadata gold (null = no gold).</summary>
public sealed record ExtractionEvalPage(
    string Id,
    string HtmlPath,
    Uri? Url,
    IReadOnlyList<string> With,
    IReadOnlyList<string> Without,
    string? Title,
    string? Author,
    string? Date);
