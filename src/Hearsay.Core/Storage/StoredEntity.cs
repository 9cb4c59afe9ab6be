namespace Hearsay.Core.Storage;

/// <summary>An entity across documents: its aliases (every name and mention string seen), the articles it appears in, and its attributions.</summary>
public sealed record StoredEntity(
    string Id,
    string Name,
    string Type,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<EntityArticle> Articles,
    IReadOnlyList<StoredAttribution> Attributions);
