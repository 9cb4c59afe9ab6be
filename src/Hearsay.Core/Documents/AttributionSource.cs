namespace Hearsay.Core.Documents;

/// <summary>Who says something: the span in the text, its type and the entity it resolves to.</summary>
public sealed record AttributionSource(CharRange Range, SourceType Type, EntityRef? Entity);
