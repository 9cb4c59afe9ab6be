namespace Hearsay.Core.Storage;

/// <summary>A search result: the document, where the match was ("text" or "attribution"), and a snippet.</summary>
public sealed record SearchHit(string DocumentId, string? Title, string Field, string Snippet);
