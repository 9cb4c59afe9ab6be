namespace Hearsay.Core.Documents;

/// <summary>A resolved entity, inline: its index in the document's entities and its canonical name.</summary>
public sealed record EntityRef(int EntityIndex, string Name)
{
    /// <summary>Cross-document identity once the store has linked it.</summary>
    public string? GlobalId { get; init; }
}
