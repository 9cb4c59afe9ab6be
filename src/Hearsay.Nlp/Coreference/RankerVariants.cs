namespace Hearsay.Nlp.Coreference;

/// <summary>
/// Optional features and mention rules a <see cref="MentionRanker"/> is trained with (none in the shipped model). The
/// model file keeps them, so run time detects and scores as in training.
/// </summary>
[Flags]
public enum RankerVariants
{
    None = 0,

    /// <summary>The head relations of both mentions for name and nominal pairs (<see cref="MentionRanker.PairRelations"/>).</summary>
    PairRelations = 1,

    /// <summary>The frame an "it" stands in ("it is clear that ..."), for "new" and for its pairs.</summary>
    ItFrames = 2,

    /// <summary>Noun phrases take in participle modifiers, graded adjectives and hyphenated participles before the noun.</summary>
    Premodifiers = 4,

    /// <summary>
    /// Similarity of the two mentions' contextual vectors (<see cref="Core.Documents.Document.ContextVectors"/>, the
    /// accurate mode's MiniLM states): the resolver then needs that layer, so only the accurate model file has it.
    /// </summary>
    Context = 8,
}
