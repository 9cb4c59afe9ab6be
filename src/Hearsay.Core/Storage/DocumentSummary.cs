namespace Hearsay.Core.Storage;

public sealed record DocumentSummary(string Id, string? Title, string? Source, string? Published, string Status, int Attributions, string StoredAt);
