namespace Hearsay.Nlp.Coreference;

/// <summary>Switches for corpus conventions and for measuring each sieve's contribution.</summary>
public sealed record CoreferenceOptions
{
    /// <summary>Link predicate nominatives ("X is the leader"): GUM does, OntoNotes does not.</summary>
    public bool PredicateNominatives { get; init; } = true;

    /// <summary>Link "who" to the noun phrase it follows (the showcase marks it; GUM does not).</summary>
    public bool RelativePronouns { get; init; } = true;

    /// <summary>Link definite type nouns ("the militants") to the nearest name of that type.</summary>
    public bool TypeNouns { get; init; } = true;

    /// <summary>Let bare one-word nouns match exactly ("iodine" ... "iodine"): GUM marks generic and mass nouns as coreferent.</summary>
    public bool BareNounExactMatch { get; init; }

    /// <summary>
    /// Report each mention as the whole phrase (with the relative clauses and prepositional phrases the parse attaches
    /// to its head), as corpora bracket mentions; matching still compares the base phrases. Needs a parsed document.
    /// </summary>
    public bool FullPhrases { get; init; }

    /// <summary>
    /// Noun phrases take in what GUM brackets before the noun: participle modifiers ("increased pluralism"), adverbs
    /// grading an adjective ("the most important factor"), hyphenated participles ("purpose - built surroundings"),
    /// "such a". Off by default; on for a ranker trained with <see cref="RankerVariants.Premodifiers"/>.
    /// </summary>
    public bool Premodifiers { get; init; }

    /// <summary>Learned mention ranking that redraws the sieve's clusters (<c>models/coref</c>); null keeps the sieve's.</summary>
    public MentionRanker? Ranker { get; init; }

    /// <summary>Learned right boundaries of reported phrases (with <see cref="FullPhrases"/>); null uses <see cref="PhraseExtent"/>'s rules.</summary>
    public MentionExtent? Extent { get; init; }

    /// <summary>These options with another boundary model (the ranker is trained on the phrases that model reports).</summary>
    public CoreferenceOptions WithExtent(MentionExtent? extent) => this with { Extent = extent };

    /// <summary>Sentences back that a pronoun looks for its antecedent.</summary>
    public int PronounWindow { get; init; } = 3;
}
