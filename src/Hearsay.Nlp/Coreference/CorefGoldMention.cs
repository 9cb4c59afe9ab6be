using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Coreference;

/// <summary>
/// One annotated mention of a CorefUD/GUM document: its tokens (document indices), entity id, entity type
/// (person, place, organization, ...) and Wikipedia title when the entity is linked.
/// </summary>
public sealed record CorefGoldMention(TokenRange Tokens, string EntityId, string EntityType, string? Wikipedia);
