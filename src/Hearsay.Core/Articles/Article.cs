namespace Hearsay.Core.Articles;

/// <summary>
/// The article found in a page or text file: its body text and metadata. An empty <see cref="Text"/>
/// always comes with a <see cref="FailureReason"/>.
/// </summary>
public sealed record Article
{
    public required string Text { get; init; }

    public string? Title { get; init; }

    public string? Byline { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public DateOnly? Published { get; init; }

    public DateOnly? Modified { get; init; }

    public string? Site { get; init; }

    /// <summary>ISO 639-1 code, or null when it could not be told.</summary>
    public string? Language { get; init; }

    public string? CanonicalUrl { get; init; }

    public string? LeadImageUrl { get; init; }

    /// <summary>Body paragraphs: where each lies in <see cref="Text"/> and where it came from in the input.</summary>
    public IReadOnlyList<ArticleParagraph> Paragraphs { get; init; } = [];

    /// <summary>Lines removed as junk (plain-text input), verbatim.</summary>
    public IReadOnlyList<string> RemovedLines { get; init; } = [];

    /// <summary>Why nothing was extracted, when <see cref="Text"/> is empty.</summary>
    public string? FailureReason { get; init; }
}
