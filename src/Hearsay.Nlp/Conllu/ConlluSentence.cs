namespace Hearsay.Nlp.Conllu;

/// <summary>A CoNLL-U sentence: comment lines, words, multiword tokens, and the document/paragraph marks.</summary>
public sealed class ConlluSentence
{
    public List<string> Comments { get; } = [];

    public List<ConlluWord> Words { get; } = [];

    public List<ConlluMultiwordToken> MultiwordTokens { get; } = [];

    /// <summary>The <c># text =</c> line, or null.</summary>
    public string? Text { get; set; }

    public string? SentenceId { get; set; }

    /// <summary>Set when a <c># newdoc</c> comment precedes the sentence.</summary>
    public bool NewDocument { get; set; }

    /// <summary>Set when a <c># newpar</c> comment precedes the sentence.</summary>
    public bool NewParagraph { get; set; }

    /// <summary>The multiword token starting at word <paramref name="id"/>, or null.</summary>
    public ConlluMultiwordToken? MultiwordAt(int id)
    {
        foreach (var m in MultiwordTokens)
        {
            if (m.First == id)
            {
                return m;
            }
        }

        return null;
    }
}
