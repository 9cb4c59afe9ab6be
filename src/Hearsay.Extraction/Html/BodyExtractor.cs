using System.Text;
using AngleSharp.Dom;
using Hearsay.Extraction.PlainText;

namespace Hearsay.Extraction.Html;

/// <summary>
/// Finds the article body: scores paragraph-like elements into their ancestors (Readability's idea), takes
/// the best container plus its content-bearing siblings, then walks it emitting text blocks while dropping
/// furniture (boilerplate classes, link-dense lists, junk lines). When that finds too little it retries
/// without class filtering and then with a whole-page block classifier (jusText's idea), keeping the best.
/// </summary>
internal sealed class BodyExtractor
{
    private const int MinParagraph = 25;
    // Below this many letters (about 250 words) the chosen container may be one module of a split page (a quoted
    // statement, one live-report entry, one product panel), so the looser strategies get a say. Measured on the
    // trafilatura dev set: 250 -> F1 0.9256, 600 -> 0.9285, 1000 -> 0.9302, 1500 -> 0.9338, 2500 -> 0.9334 (more boilerplate).
    private const int EnoughText = 1500;

    private readonly PageTree tree;
    private readonly string? title;

    public BodyExtractor(PageTree tree, string? title)
    {
        this.tree = tree;
        this.title = title is null ? null : Normalize(title);
    }

    public List<TextBlock> Extract(out string? reason)
    {
        reason = null;
        var nodes = tree.Nodes;
        if (nodes.Count == 0)
        {
            reason = "the page has no elements";
            return [];
        }

        var top = ScoreCandidates();
        List<TextBlock> best = [];
        if (top >= 0)
        {
            var containers = WithSiblings(top);
            var lead = FindLead(containers[0]);
            if (lead >= 0)
            {
                containers.Insert(0, lead);
            }

            best = Emit(containers, filterClasses: true);
            if (Letters(best) < EnoughText)
            {
                var loose = Emit(containers, filterClasses: false);
                if (Letters(loose) > Letters(best) * 1.5)
                {
                    best = loose;
                }
            }
        }

        if (Letters(best) < EnoughText)
        {
            var page = PageBlocks();
            if (Letters(page) > Letters(best) * 1.3)
            {
                best = page;
            }
        }

        if (best.Count == 0)
        {
            reason = nodes[0].Text == 0 ? "the page has no text" : "no block of the page reads as article prose";
        }

        return best;
    }

    private static int Letters(List<TextBlock> blocks)
    {
        var n = 0;
        foreach (var b in blocks)
        {
            n += b.Letters;
        }

        return n;
    }

    /// <summary>Readability-style scoring; returns the index of the best container or -1.</summary>
    private int ScoreCandidates()
    {
        var nodes = tree.Nodes;
        for (var i = 0; i < nodes.Count; i++)
        {
            var n = nodes[i];
            if (n.Skipped || n.Text < MinParagraph || n.StrongNegative)
            {
                continue;
            }

            var paragraphLike = n.Tag is "p" or "pre" or "td" or "blockquote" or "dd"
                || (n.Tag is "div" or "section" or "article" or "span" or "font" or "li" && !n.HasBlockChild && n.DirectText >= MinParagraph)
                || (n.DirectText >= 100 && n.Tag is not "a" and not "b" and not "strong" and not "em" and not "i");
            if (!paragraphLike || IsInsideStrongNegative(i) || InsideForm(i))
            {
                continue;
            }

            var letters = n.Tag is "p" or "pre" or "td" or "blockquote" or "dd" ? n.Text : Math.Max(n.DirectText, MinParagraph);
            var score = 1.0 + n.Commas + Math.Min(letters / 100, 3);

            // Short lines that are no sentences (signature lists, "Name, Affiliation" rows, specs) are not prose,
            // however many commas they carry.
            if (n.Text < 100 && !EndsSentence(n.Element.TextContent))
            {
                score = Math.Min(score, 0.5);
            }
            else if (n.Commas >= 10 && n.Text < n.Breaks * 60)
            {
                // One cell of short <br>-separated lines is a roster, not a paragraph.
                score = Math.Min(score, 2);
            }

            // Link-heavy "paragraphs" are menus and teasers; let them count for little.
            score *= 1 - n.LinkDensity;
            var p = n.Parent;
            for (var level = 0; p >= 0 && level < 5; level++)
            {
                var anc = nodes[p];
                if (!anc.Scored)
                {
                    Initialize(anc);
                }

                anc.Score += level == 0 ? score : level == 1 ? score / 2 : score / (level * 3);
                p = anc.Parent;
            }
        }

        var section = HeadlineSection();
        var best = -1;
        var bestScore = 0.0;
        for (var i = 0; i < nodes.Count; i++)
        {
            var n = nodes[i];
            if (!n.Scored || n.Tag is "html")
            {
                continue;
            }

            n.Score *= 1 - n.LinkDensity;

            // Text that shares the headline's container is the article; teaser lists elsewhere only look like it.
            if (section >= 0 && n.Score > 0 && (i == section || IsAncestor(section, i)))
            {
                n.Score *= 1.5;
            }
            if (n.Score > bestScore)
            {
                bestScore = n.Score;
                best = i;
            }
        }

        if (best < 0)
        {
            return -1;
        }

        // A container holding most of the winner's score one level up is the real article (split layouts).
        var cur = best;
        while (true)
        {
            var parent = nodes[cur].Parent;
            if (parent < 0 || nodes[parent].Tag is "body" or "html" || !nodes[parent].Scored)
            {
                break;
            }

            var pn = nodes[parent];
            if ((pn.Score >= nodes[cur].Score * 0.9 && pn.LinkDensity < 0.3 && pn.Text < nodes[cur].Text * 1.6)
                || (pn.LinkDensity < 0.3 && !pn.Negative && SplitArticle(parent, nodes[cur].Score)))
            {
                cur = parent;
            }
            else
            {
                break;
            }
        }

        return cur;
    }

    /// <summary>
    /// The smallest container around the visible headline (the h1 whose text is the title) that holds more than
    /// the headline, or -1 when there is none or it is the whole page.
    /// </summary>
    private int HeadlineSection()
    {
        if (title is null)
        {
            return -1;
        }

        var nodes = tree.Nodes;
        for (var i = 0; i < nodes.Count; i++)
        {
            var h = nodes[i];
            if (h.Tag != "h1" || h.Skipped || h.Text == 0 || Normalize(h.Element.TextContent) is var t && !t.Contains(title, StringComparison.Ordinal))
            {
                continue;
            }

            for (var p = h.Parent; p >= 0; p = nodes[p].Parent)
            {
                var a = nodes[p];
                if (a.Tag is "body" or "html" || a.StrongNegative)
                {
                    return -1;
                }

                if (a.Text >= h.Text + 200)
                {
                    return a.LinkDensity < 0.5 && a.Text < nodes[0].Text / 2 ? p : -1;
                }
            }

            return -1;
        }

        return -1;
    }

    /// <summary>An article split over sibling containers (modules, pages): two or more children carry real weight.</summary>
    private bool SplitArticle(int parent, double score)
    {
        var nodes = tree.Nodes;
        var strong = 0;
        foreach (var child in nodes[parent].Element.Children)
        {
            if (tree.Index.TryGetValue(child, out var ci))
            {
                var c = nodes[ci];
                if (c.Scored && !c.Negative && c.Score >= score * 0.3 && c.Text >= 150 && c.LinkDensity < 0.3)
                {
                    strong++;
                }
            }
        }

        return strong >= 2;
    }

    /// <summary>
    /// Inside a comment section, sidebar or menu, unless an article-like element comes first on the way up
    /// (broken templates wrap whole pages in role="navigation" headers).
    /// </summary>
    private bool IsInsideStrongNegative(int i)
    {
        var p = tree.Nodes[i].Parent;
        return p >= 0 && tree.Nodes[p].InStrongNegative;
    }

    /// <summary>Login, search and comment forms hold labels and messages, never the article.</summary>
    private bool InsideForm(int i)
    {
        var nodes = tree.Nodes;
        for (var p = nodes[i].Parent; p >= 0; p = nodes[p].Parent)
        {
            if (nodes[p].Tag == "form")
            {
                return true;
            }
        }

        return false;
    }

    private static void Initialize(PageNode n)
    {
        n.Scored = true;
        n.Score = n.Tag switch
        {
            "div" or "article" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        if (n.Tag is "article" or "main")
        {
            n.Score += 10;
        }

        if (n.Negative)
        {
            n.Score -= 25;
        }

        if (n.Positive)
        {
            n.Score += 25;
        }
    }

    /// <summary>The winner plus siblings that look like more of the same article (Readability's sibling step).</summary>
    private List<int> WithSiblings(int top)
    {
        var nodes = tree.Nodes;
        var topNode = nodes[top];
        if (topNode.Parent < 0)
        {
            return [top];
        }

        var threshold = Math.Max(10, topNode.Score * 0.2);
        var result = new List<int>();
        var parent = nodes[topNode.Parent].Element;
        foreach (var child in parent.Children)
        {
            if (!tree.Index.TryGetValue(child, out var ci))
            {
                continue;
            }

            if (ci == top)
            {
                result.Add(ci);
                continue;
            }

            var s = nodes[ci];
            if (s.Skipped || (s.Negative && !s.Positive))
            {
                continue;
            }

            var bonus = topNode.ClassAndId.Length > 0 && s.ClassAndId == topNode.ClassAndId ? topNode.Score * 0.2 : 0;
            if (s.Scored && s.Score + bonus >= threshold && s.LinkDensity < 0.5)
            {
                result.Add(ci);
            }
            else if (s.Tag == "p")
            {
                var ld = s.LinkDensity;
                if ((s.Text > 80 && ld < 0.25) || (s.Text > 0 && ld == 0 && s.Text < 80 && EndsSentence(s.Element.TextContent)))
                {
                    result.Add(ci);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// A lead/intro paragraph that templates often put above the body container (next to the headline):
    /// the nearest element before <paramref name="first"/> within a few ancestor levels whose class says so.
    /// </summary>
    private int FindLead(int first)
    {
        var nodes = tree.Nodes;
        var anc = first;
        for (var level = 0; level < 4 && nodes[anc].Parent >= 0; level++)
        {
            anc = nodes[anc].Parent;
            if (nodes[anc].Tag is "body" or "html")
            {
                break;
            }
        }

        for (var j = first - 1; j > anc; j--)
        {
            var n = nodes[j];
            if (n.Skipped || n.Text < 30 || n.Text > 1500 || n.LinkDensity > 0.3 || n.StrongNegative || Boilerplate.IsHeading(n.Tag) || (n.ClassFlags & PageTree.LeadFlag) == 0)
            {
                continue;
            }

            if (IsAncestor(j, first) || IsInsideStrongNegative(j))
            {
                continue;
            }

            return j;
        }

        return -1;
    }

    private bool IsAncestor(int a, int d)
    {
        var nodes = tree.Nodes;
        for (var p = nodes[d].Parent; p >= 0; p = nodes[p].Parent)
        {
            if (p == a)
            {
                return true;
            }
        }

        return false;
    }

    private static bool EndsSentence(string s)
    {
        var t = s.AsSpan().TrimEnd();
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or '"' or '”' or '»' or '。';
    }

    /// <summary>The text blocks under the given containers in document order.</summary>
    private List<TextBlock> Emit(List<int> containers, bool filterClasses)
    {
        var writer = new BlockWriter(tree);
        foreach (var c in containers)
        {
            Walk(c, writer, filterClasses);
            writer.Flush();
        }

        return Finish(writer.Blocks);
    }

    private void Walk(int rootIndex, BlockWriter writer, bool filterClasses)
    {
        var nodes = tree.Nodes;
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((nodes[rootIndex].Element, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IText text)
            {
                writer.Append(text.Data);
                continue;
            }

            if (node is not IElement el || !tree.Index.TryGetValue(el, out var idx))
            {
                continue;
            }

            var n = nodes[idx];
            var block = Boilerplate.IsBlockTag(n.Tag);
            if (exit)
            {
                if (n.Tag == "a")
                {
                    writer.EndLink();
                }

                if (block)
                {
                    writer.Flush();
                    writer.End();
                }

                continue;
            }

            if (n.Skipped || (idx != rootIndex && Drop(n, filterClasses)))
            {
                continue;
            }

            if (n.Tag == "br")
            {
                writer.LineBreak();
                continue;
            }

            if (block)
            {
                writer.Flush();
                writer.Begin(idx);
            }

            if (n.Tag == "a")
            {
                writer.BeginLink();
            }

            stack.Push((el, true));
            var kids = el.ChildNodes;
            for (var k = kids.Length - 1; k >= 0; k--)
            {
                var child = kids[k];
                if (child.NodeType is NodeType.Text or NodeType.Element)
                {
                    stack.Push((child, false));
                }
            }
        }
    }

    /// <summary>Readability's conditional cleaning, simplified: furniture classes, link farms, empty shells.</summary>
    private static bool Drop(PageNode n, bool filterClasses)
    {
        if (filterClasses && n.Negative && (!n.Positive || n.StrongNegative))
        {
            return true;
        }

        if (n.Text == 0)
        {
            return Boilerplate.IsBlockTag(n.Tag) && n.Tag is not "hr";
        }

        switch (n.Tag)
        {
            case "ul" or "ol" or "dl":
                return n.LinkDensity > 0.5 || (n.LinkDensity > 0.3 && n.Text < 300);
            case "div" or "section" or "table" or "form" or "header" or "center":
                if (n.LinkDensity > 0.5 && n.Commas < 10)
                {
                    return true;
                }

                return n.Text < 200 && n.LinkDensity > 0.33 && n.Paragraphs == 0;
            case "p" or "li" or "td" or "dd":
                return n.LinkDensity > 0.7 && n.Text < 300;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                return n.LinkDensity > 0.6;
            default:
                return false;
        }
    }

    /// <summary>Block-level filters after emission: junk lines, a repeated title, link-only lines, duplicates.</summary>
    private List<TextBlock> Finish(List<TextBlock> blocks)
    {
        var result = new List<TextBlock>(blocks.Count);
        string? previous = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var b in blocks)
        {
            if (b.Letters == 0 || JunkLine.IsJunk(b.Text))
            {
                continue;
            }

            if (b.LinkLetters > b.Letters * 0.8 && b.Letters < 150)
            {
                continue;
            }

            var norm = Normalize(b.Text);
            if (result.Count == 0 && b.IsHeading && title is not null && (norm == title || title.Contains(norm, StringComparison.Ordinal)))
            {
                continue;
            }

            if (norm == previous || (b.Letters > 40 && !seen.Add(norm)))
            {
                continue;
            }

            previous = norm;
            result.Add(b);
        }

        // Trailing headings with nothing under them ("Related", "Comments") are furniture.
        while (result.Count > 0 && result[^1].IsHeading)
        {
            result.RemoveAt(result.Count - 1);
        }

        return result;
    }

    /// <summary>Fallback over the whole page: keep prose-like blocks (long, few links) and short ones between them.</summary>
    private List<TextBlock> PageBlocks()
    {
        var nodes = tree.Nodes;
        var body = -1;
        for (var i = 0; i < nodes.Count; i++)
        {
            if (nodes[i].Tag == "body")
            {
                body = i;
                break;
            }
        }

        var writer = new BlockWriter(tree);
        Walk(body < 0 ? 0 : body, writer, filterClasses: true);
        writer.Flush();
        var all = writer.Blocks;
        var good = new bool[all.Count];
        for (var i = 0; i < all.Count; i++)
        {
            var b = all[i];
            var ld = b.Letters == 0 ? 1 : (double)b.LinkLetters / b.Letters;
            good[i] = b.Letters >= 60 && ld < 0.25 && (b.Text.Contains(' ', StringComparison.Ordinal) || b.Letters >= 100) && !JunkLine.IsJunk(b.Text);
        }

        var kept = new List<TextBlock>();
        var firstGood = Array.IndexOf(good, true);
        var lastGood = Array.LastIndexOf(good, true);
        if (firstGood < 0)
        {
            return kept;
        }

        for (var i = firstGood; i <= lastGood; i++)
        {
            var b = all[i];
            var ld = b.Letters == 0 ? 1 : (double)b.LinkLetters / b.Letters;
            if (good[i] || (ld < 0.2 && b.Letters >= 15 && NearGood(good, i)))
            {
                kept.Add(b);
            }
        }

        return Finish(kept);
    }

    private static bool NearGood(bool[] good, int i)
        => (i > 0 && good[i - 1]) || (i + 1 < good.Length && good[i + 1]);

    internal static string CollapseWhitespace(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    internal static string Normalize(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
