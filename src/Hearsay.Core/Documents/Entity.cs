namespace Hearsay.Core.Documents;

/// <summary>An entity of one document: a cluster of mentions with a canonical name.</summary>
public sealed record Entity(int Index, string CanonicalName, EntityLabel Label, IReadOnlyList<int> MentionIndices)
{
    /// <summary>Cross-document identity, assigned by the store; null until linked.</summary>
    public string? GlobalId { get; set; }

    /// <summary>Finer type where known, e.g. "media" for a news organisation.</summary>
    public string? Subtype { get; init; }

    /// <summary>Descriptions found in appositions and titles ("the ousted ... ambassador to Tajikistan").</summary>
    public IReadOnlyList<string> Attributes { get; init; } = [];
}
