namespace Hearsay.Core.Documents;

/// <summary>Where a document came from and what its page says about it.</summary>
public sealed record DocumentMetadata
{
    /// <summary>File path or URL the document was read from.</summary>
    public string? Source { get; init; }

    public string? Title { get; init; }

    public string? Byline { get; init; }

    public DateOnly? Published { get; init; }

    /// <summary>How the publication date was obtained: "given", "metadata", "text" (inferred), or null.</summary>
    public string? PublishedOrigin { get; init; }

    /// <summary>How sure the date is: 1 when given or read from metadata, below 1 when inferred from the text, 0 when unknown.</summary>
    public double? PublishedConfidence { get; init; }

    /// <summary>Why the date is what it is (or why it is unknown), in words.</summary>
    public string? PublishedNote { get; init; }

    public string? Site { get; init; }

    /// <summary>ISO 639-1 code, or null when not detected yet.</summary>
    public string? Language { get; init; }

    public string? CanonicalUrl { get; init; }

    /// <summary>Ranges of the input that were removed as junk before <c>Text</c> was fixed, for provenance.</summary>
    public IReadOnlyList<string> RemovedLines { get; init; } = [];
}
