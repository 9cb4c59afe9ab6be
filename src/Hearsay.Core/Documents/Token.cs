namespace Hearsay.Core.Documents;

/// <summary>
/// One token of a document. The token's characters are <see cref="Range"/>; the whitespace
/// that follows it up to the next token is <see cref="WhitespaceLength"/> characters long, so
/// that the concatenation of every token's <c>Range</c> plus whitespace re-joins to the text.
/// Annotation fields are filled by later stages; strings are interned tag names.
/// </summary>
public struct Token
{
    public Token(CharRange range, int whitespaceLength)
    {
        Range = range;
        WhitespaceLength = whitespaceLength;
        Head = -1;
    }

    public CharRange Range;

    public int WhitespaceLength;

    /// <summary>Universal POS tag, or null before tagging.</summary>
    public string? Upos;

    /// <summary>Penn Treebank tag, or null before tagging.</summary>
    public string? Xpos;

    public string? Lemma;

    /// <summary>Document-level index of the syntactic head; -1 for the root or before parsing.</summary>
    public int Head;

    /// <summary>Universal Dependencies relation to the head, or null before parsing.</summary>
    public string? DepRel;

    /// <summary>Distributional word class (<see cref="Layers.WordClasses"/>), or the default (no class) before tagging or outside the table.</summary>
    public WordClass WordClass;

    public readonly int Start => Range.Start;

    public readonly int End => Range.End;

    /// <summary>End of the token including its trailing whitespace.</summary>
    public readonly int EndWithWhitespace => Range.End + WhitespaceLength;
}
