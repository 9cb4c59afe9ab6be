using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Coreference;

/// <summary>What <see cref="EntityClusterer"/> predicts: the entities, and for each mention (by index) its entity.</summary>
public sealed record EntityClustering(IReadOnlyList<Entity> Entities, int[] EntityOfMention);
