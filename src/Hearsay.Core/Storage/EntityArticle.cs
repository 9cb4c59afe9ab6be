namespace Hearsay.Core.Storage;

/// <summary>A stored document an entity appears in, with the entity's id and name inside that document.</summary>
public sealed record EntityArticle(string DocumentId, string? Title, int LocalId, string Name);
