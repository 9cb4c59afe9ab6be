using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Coreference;

/// <summary>A mention as the resolver sees it: tokens, head, kind and the agreement features used to compare mentions.</summary>
internal sealed class CorefMention
{
    public int Start;

    public int End;

    public int Head;

    public int Sentence;

    public MentionKind Kind;

    /// <summary>Type from NER, a pronoun, or the head noun; null when unknown.</summary>
    public EntityLabel? Label;

    /// <summary>+1 plural, -1 singular, 0 unknown.</summary>
    public int Number;

    /// <summary>'m', 'f', 'n' (neuter), or '?' unknown.</summary>
    public char Gender = '?';

    /// <summary>1, 2, 3 for pronouns; 3 for everything else.</summary>
    public int Person = 3;

    public bool Animate;

    public bool Inanimate;

    public bool Possessive;

    public bool Definite;

    public bool Indefinite;

    /// <summary>Index of the mention in the document's mentions before resolution, or -1 for a new one.</summary>
    public int Existing = -1;

    /// <summary>Lower-cased words, without a leading determiner and trailing possessive.</summary>
    public string[] Words = [];

    public string HeadWord = "";

    public string Lower = "";

    /// <summary>A name mention inside this noun phrase that denotes the same thing ("the Taliban" around "Taliban").</summary>
    public int Wraps = -1;

    /// <summary>This mention is wrapped by a larger one and is dropped from corpus-style output.</summary>
    public bool Wrapped;

    /// <summary>A relative pronoun ("who"), linked to the phrase it follows.</summary>
    public bool Relative;

    /// <summary>End of the whole phrase with its relative clauses and prepositional modifiers, from the parse; -1 when not extended.</summary>
    public int PhraseEnd = -1;

    public TokenRange Tokens => new(Start, End);

    /// <summary>The phrase as corpora bracket it: the base phrase plus what the parse attaches to its head on the right.</summary>
    public TokenRange Phrase => new(Start, Math.Max(End, PhraseEnd));

    public override string ToString() => $"{Lower} [{Start},{End}) {Kind}";
}
