namespace Hearsay.Nlp.Entities;

/// <summary>
/// One sentence of NER data: its words, gold spans, and (for output) the original token lines
/// so that predictions can be written beside them.
/// </summary>
public sealed class LabeledSentence
{
    public LabeledSentence(string[] words, EntitySpan[] spans, string[]? goldTags = null)
    {
        Words = words;
        Spans = spans;
        GoldTags = goldTags;
    }

    public string[] Words { get; }

    public EntitySpan[] Spans { get; }

    /// <summary>The tagger's XPOS tag of each word (filled before training or tagging with a POS-reading model), or null.</summary>
    public string[]? Pos { get; set; }

    /// <summary>Index of the document the sentence belongs to within its file (from <c># newdoc</c> or <c>-DOCSTART-</c>; else one per sentence).</summary>
    public int Document { get; set; }

    /// <summary>The tag column as read (copied through to output so conlleval can score it), or null.</summary>
    public string[]? GoldTags { get; }
}
