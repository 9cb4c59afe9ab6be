using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Entities;

/// <summary>A labelled entity span over the tokens of one sentence: [Start, End) token indices.</summary>
public readonly record struct EntitySpan(int Start, int End, EntityLabel Label);
