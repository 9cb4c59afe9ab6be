using AngleSharp.Dom;

namespace Hearsay.Extraction.Html;

/// <summary>
/// A flat, pre-order view of the page's elements with the text statistics that scoring needs, built in one
/// iterative pass (no recursion, so 10,000-deep nesting is just a long array).
/// </summary>
internal sealed class PageTree
{
    public readonly List<PageNode> Nodes = new(4096);

    public readonly Dictionary<IElement, int> Index = new(4096, ReferenceEqualityComparer.Instance);

    // Arrays grown by a huge page are not kept for the next one.
    private const int MaxRecycledNodes = 50_000;

    private readonly Stack<(IElement El, int Parent, bool Skipped, bool InLink)> stack = new();

    // Nodes of the previous page, handed out again (reset) instead of allocating one object per element per page.
    private readonly List<PageNode> spareNodes = [];

    /// <summary>Builds the tree of <paramref name="root"/>, into <paramref name="recycled"/> (an emptied earlier tree) when given.</summary>
    public static PageTree Build(IElement root, PageTree? recycled = null)
    {
        var tree = recycled ?? new PageTree();
        var stack = tree.stack;
        stack.Push((root, -1, false, false));
        while (stack.Count > 0)
        {
            var (el, parent, parentSkipped, inLink) = stack.Pop();
            var tag = el.LocalName;
            var attrs = ReadAttributes(el);
            var skipped = parentSkipped || Boilerplate.IsSkippedTag(tag) || attrs.Hidden;
            var link = inLink || tag == "a";
            var spare = tree.spareNodes;
            var node = spare.Count > 0 ? spare[^1] : new PageNode();
            if (spare.Count > 0)
            {
                spare.RemoveAt(spare.Count - 1);
            }

            node.Reset(el, parent, tag, parent < 0 ? 0 : tree.Nodes[parent].Depth + 1, skipped);
            node.Itemprop = attrs.Itemprop;
            node.Rel = attrs.Rel;

            if (!skipped)
            {
                // Page-type classes on <html>/<body> ("layout-sidebar", "page-comments") say nothing about the content.
                var ci = tag is "html" or "body" ? string.Empty : attrs.ClassAndId;
                node.ClassAndId = ci;
                if (ci.Length > 0)
                {
                    var flags = tree.ClassVerdict(ci);
                    node.ClassFlags = flags;
                    node.Negative = (flags & NegativeFlag) != 0;
                    node.Positive = (flags & PositiveFlag) != 0;
                    node.StrongNegative = node.Negative && (flags & StrongFlag) != 0;
                }
                // Index the child list: AngleSharp finds NextSibling by searching the parent's children (quadratic).
                var kids = el.ChildNodes;
                for (var k = 0; k < kids.Length; k++)
                {
                    if (kids[k] is IText t)
                    {
                        CountText(t.Data, ref node.DirectText, ref node.Commas);
                    }
                }

                if (link)
                {
                    node.LinkText = node.DirectText;
                }

                node.Text = node.DirectText;
            }

            node.InStrongNegative = node.Tag is "article" or "main" || (node.Positive && !node.Negative)
                ? false
                : node.StrongNegative || (parent >= 0 && tree.Nodes[parent].InStrongNegative);
            var idx = tree.Nodes.Count;
            tree.Nodes.Add(node);
            tree.Index[el] = idx;

            // Push children in reverse so they pop in document order (sibling links: AngleSharp's Children is a filtered view).
            var children = el.ChildNodes;
            for (var k = children.Length - 1; k >= 0; k--)
            {
                if (children[k] is IElement ce)
                {
                    stack.Push((ce, idx, skipped, link));
                }
            }
        }

        // Children come after their parent in pre-order, so a reverse sweep sums each subtree exactly once.
        var nodes = tree.Nodes;
        for (var i = nodes.Count - 1; i > 0; i--)
        {
            var n = nodes[i];
            if (n.Skipped)
            {
                continue;
            }

            var p = nodes[n.Parent];
            p.Text += n.Text;
            p.LinkText += n.LinkText;
            p.Commas += n.Commas;
            if (n.Tag == "p")
            {
                p.Paragraphs++;
            }

            p.Paragraphs += n.Paragraphs;
            if (n.Tag == "li")
            {
                p.ListItems++;
            }

            p.ListItems += n.ListItems;
            p.Breaks += n.Breaks + (n.Tag == "br" ? 1 : 0);
            if (Boilerplate.IsBlockTag(n.Tag) || n.HasBlockChild)
            {
                p.HasBlockChild = true;
            }
        }

        return tree;
    }

    /// <summary>Empties the tree (dropping its references to the page's DOM) for reuse; null when it grew too large to keep.</summary>
    public PageTree? Recycle()
    {
        if (Nodes.Count > MaxRecycledNodes)
        {
            return null;
        }

        foreach (var n in Nodes)
        {
            // Drop the DOM reference now: the page's document must not outlive its extraction.
            n.Element = null!;
            spareNodes.Add(n);
        }

        Nodes.Clear();
        Index.Clear();
        stack.Clear();
        return this;
    }

    private const byte NegativeFlag = 1;
    private const byte PositiveFlag = 2;
    private const byte StrongFlag = 4;
    public const byte AuthorFlag = 8;
    public const byte DateFlag = 16;
    public const byte LeadFlag = 32;

    // The vocabularies are bounded by whitespace on both sides (or, for dates, contain no space) ((?:^|[\s_-]) ... (?:$|[\s_-])), so no match spans a
    // space: a class string's verdict is the union of its space-separated tokens' verdicts. Tokens ("clearfix",
    // "col-md-8", "entry-content") repeat across elements and sites far more than whole class strings, and each
    // regex run costs microseconds, so the per-token verdicts are cached (bounded).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> TokenVerdicts = new(StringComparer.Ordinal);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte>.AlternateLookup<ReadOnlySpan<char>> TokenLookup =
        TokenVerdicts.GetAlternateLookup<ReadOnlySpan<char>>();

    // Whole class/id strings ("post-content entry clearfix") repeat across a site's elements and pages; one ordinary
    // dictionary hit per element is cheaper than splitting the string and looking each token up in the shared
    // concurrent cache. Per tree (so per extractor and thread), bounded.
    private readonly Dictionary<string, byte> classVerdicts = new(StringComparer.Ordinal);

    private byte ClassVerdict(string ci)
    {
        if (classVerdicts.TryGetValue(ci, out var flags))
        {
            return flags;
        }

        flags = Classify(ci);
        if (classVerdicts.Count < 50_000 && ci.Length < 200)
        {
            classVerdicts.Add(ci, flags);
        }

        return flags;
    }

    private static byte Classify(string ci)
    {
        byte flags = 0;
        var rest = ci.AsSpan();
        while (rest.Length > 0)
        {
            var start = 0;
            while (start < rest.Length && char.IsWhiteSpace(rest[start]))
            {
                start++;
            }

            var end = start;
            while (end < rest.Length && !char.IsWhiteSpace(rest[end]))
            {
                end++;
            }

            if (end > start)
            {
                flags |= TokenVerdict(rest[start..end]);
            }

            rest = rest[end..];
        }

        return flags;
    }

    private static byte TokenVerdict(ReadOnlySpan<char> token)
    {
        if (TokenLookup.TryGetValue(token, out var v))
        {
            return v;
        }

        var t = token.ToString();
        v = (byte)((Boilerplate.IsNegative(t) ? NegativeFlag : 0) | (Boilerplate.IsPositive(t) ? PositiveFlag : 0) | (Boilerplate.IsStrongNegative(t) ? StrongFlag : 0)
            | (MetadataReader.IsAuthorClass(t) ? AuthorFlag : 0) | (MetadataReader.IsDateClass(t) ? DateFlag : 0) | (Boilerplate.IsLead(t) ? LeadFlag : 0));
        if (TokenVerdicts.Count < 200_000 && t.Length < 100)
        {
            TokenVerdicts.TryAdd(t, v);
        }

        return v;
    }

    public static string ClassAndId(IElement el)
        => Combine(el.GetAttribute("class"), el.Id, el.GetAttribute("role"), el.GetAttribute("itemprop"));

    /// <summary>One pass over the attributes (AngleSharp looks each name up by a linear scan).</summary>
    private static (string ClassAndId, bool Hidden, string? Itemprop, string? Rel) ReadAttributes(IElement el)
    {
        string? cls = null, id = null, role = null, itemprop = null, rel = null;
        var hidden = false;
        // Indexed, not foreach: enumerating the attribute map through its interface allocates per element.
        var attributes = el.Attributes;
        for (var i = 0; i < attributes.Length; i++)
        {
            var a = attributes[i]!;
            switch (a.Name)
            {
                case "class": cls = a.Value; break;
                case "id": id = a.Value; break;
                case "role": role = a.Value; break;
                case "itemprop": itemprop = a.Value; break;
                case "rel": rel = a.Value; break;
                case "hidden": hidden = true; break;
                case "aria-hidden": hidden |= a.Value == "true"; break;
                case "style":
                    var style = a.Value;
                    hidden |= style.Contains("display:none", StringComparison.OrdinalIgnoreCase)
                        || style.Contains("display: none", StringComparison.OrdinalIgnoreCase)
                        || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
                    break;
                default: break;
            }
        }

        return (Combine(cls, id, role, itemprop), hidden, itemprop, rel);
    }

    private static string Combine(string? cls, string? id, string? role, string? itemprop)
    {
        var ci = string.IsNullOrEmpty(id) ? cls ?? string.Empty : string.IsNullOrEmpty(cls) ? id : cls + " " + id;
        if (role is "navigation" or "complementary" or "contentinfo" or "banner" or "search" or "menu" or "dialog")
        {
            ci += " nav";
        }

        if (itemprop is "articleBody" or "text" or "reviewBody")
        {
            ci += " article-body";
        }

        return ci;
    }

    /// <summary>Counts letters and digits (whitespace and layout do not count as text) and commas of all scripts.</summary>
    private static void CountText(string s, ref int text, ref int commas)
    {
        foreach (var ch in s)
        {
            if (char.IsLetterOrDigit(ch))
            {
                text++;
            }
            else if (ch is ',' or '，' or '、' or '،' or '。')
            {
                commas++;
            }
        }
    }
}
