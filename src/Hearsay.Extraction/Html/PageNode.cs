using AngleSharp.Dom;

namespace Hearsay.Extraction.Html;

/// <summary>One element of the page with its subtree's text statistics (letters/digits, link letters, commas).</summary>
internal sealed class PageNode
{
    public IElement Element = null!;
    public int Parent;
    public string Tag = string.Empty;
    public int Depth;
    public bool Skipped;
    public string ClassAndId = string.Empty;

    /// <summary>The itemprop and rel attributes, read in the tree's one pass over the attributes (each GetAttribute is a linear scan).</summary>
    public string? Itemprop;
    public string? Rel;
    public bool Negative;
    public bool Positive;
    public bool StrongNegative;

    /// <summary>The class vocabularies this element's class/id tokens hit (<see cref="PageTree"/> flag constants).</summary>
    public byte ClassFlags;
    public int DirectText;
    public int Text;
    public int LinkText;
    public int Commas;
    public int Paragraphs;
    public int ListItems;

    /// <summary>&lt;br&gt; elements in the subtree (not counting itself), summed with the other statistics instead of a subtree query per candidate.</summary>
    public int Breaks;
    public bool HasBlockChild;
    public double Score;
    public bool Scored;

    /// <summary>Walking up from this element (itself included), a comment/sidebar/menu container comes before any article-like one.</summary>
    public bool InStrongNegative;

    public double LinkDensity => Text == 0 ? 0 : (double)LinkText / Text;

    /// <summary>Sets every field, so that a node recycled from an earlier page carries nothing over.</summary>
    public PageNode Reset(IElement element, int parent, string tag, int depth, bool skipped)
    {
        Element = element;
        Parent = parent;
        Tag = tag;
        Depth = depth;
        Skipped = skipped;
        ClassAndId = string.Empty;
        Itemprop = null;
        Rel = null;
        Negative = false;
        Positive = false;
        StrongNegative = false;
        ClassFlags = 0;
        DirectText = 0;
        Text = 0;
        LinkText = 0;
        Commas = 0;
        Paragraphs = 0;
        ListItems = 0;
        Breaks = 0;
        HasBlockChild = false;
        Score = 0;
        Scored = false;
        InStrongNegative = false;
        return this;
    }
}
