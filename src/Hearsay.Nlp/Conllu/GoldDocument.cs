using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Conllu;

/// <summary>
/// A CoNLL-U document rebuilt as plain text from its <c># text</c> lines (sentences joined by a space, paragraphs
/// and documents by a blank line), with the gold character range of every sentence and word in that text.
/// Words inside a multiword token get their own ranges when their forms spell the token ("do"+"n't");
/// otherwise the first word carries the token's range and the others have none (null).
/// </summary>
public sealed class GoldDocument
{
    public GoldDocument(string text, IReadOnlyList<ConlluSentence> sentences, CharRange[] sentenceRanges, CharRange?[][] wordRanges)
    {
        Text = text;
        Sentences = sentences;
        SentenceRanges = sentenceRanges;
        WordRanges = wordRanges;
    }

    public string Text { get; }

    public IReadOnlyList<ConlluSentence> Sentences { get; }

    public CharRange[] SentenceRanges { get; }

    /// <summary>Per sentence, per word (index = ID - 1): its range in <see cref="Text"/>, or null.</summary>
    public CharRange?[][] WordRanges { get; }
}
