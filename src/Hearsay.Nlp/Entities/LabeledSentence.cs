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

    /// <summary>The tag column as read (copied through to output so conlleval can score it), or null.</summary>
    public string[]? GoldTags { get; }
}
