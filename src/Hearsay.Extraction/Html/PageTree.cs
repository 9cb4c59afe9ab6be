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

    public static PageTree Build(IElement root)
    {
        var tree = new PageTree();
        var stack = new Stack<(IElement El, int Parent, bool Skipped, bool InLink)>();
        stack.Push((root, -1, false, false));
        while (stack.Count > 0)
        {
            var (el, parent, parentSkipped, inLink) = stack.Pop();
            var tag = el.LocalName;
            var skipped = parentSkipped || Boilerplate.IsSkippedTag(tag) || IsHidden(el);
            var link = inLink || tag == "a";
            var node = new PageNode
            {
                Element = el,
                Parent = parent,
                Tag = tag,
                Skipped = skipped,
                Depth = parent < 0 ? 0 : tree.Nodes[parent].Depth + 1,
            };

            if (!skipped)
            {
                // Page-type classes on <html>/<body> ("layout-sidebar", "page-comments") say nothing about the content.
                var ci = tag is "html" or "body" ? string.Empty : ClassAndId(el);
                node.ClassAndId = ci;
                node.Negative = Boilerplate.IsNegative(ci);
                node.Positive = Boilerplate.IsPositive(ci);
                node.StrongNegative = node.Negative && Boilerplate.IsStrongNegative(ci);
                for (var c = el.FirstChild; c is not null; c = c.NextSibling)
                {
                    if (c.NodeType == NodeType.Text)
                    {
                        CountText(((IText)c).Data, ref node.DirectText, ref node.Commas);
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

            // Push children in reverse so they pop in document order.
            var children = el.Children;
            for (var i = children.Length - 1; i >= 0; i--)
            {
                stack.Push((children[i], idx, skipped, link));
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
            if (Boilerplate.IsBlockTag(n.Tag) || n.HasBlockChild)
            {
                p.HasBlockChild = true;
            }
        }

        return tree;
    }

    public static string ClassAndId(IElement el)
    {
        var cls = el.GetAttribute("class");
        var id = el.Id;
        var ci = string.IsNullOrEmpty(id) ? cls ?? string.Empty : string.IsNullOrEmpty(cls) ? id : cls + " " + id;
        var role = el.GetAttribute("role");
        if (role is "navigation" or "complementary" or "contentinfo" or "banner" or "search" or "menu" or "dialog")
        {
            ci = ci + " nav";
        }

        var itemprop = el.GetAttribute("itemprop");
        if (itemprop is "articleBody" or "text" or "reviewBody")
        {
            ci = ci + " article-body";
        }

        return ci;
    }

    private static bool IsHidden(IElement el)
    {
        if (el.HasAttribute("hidden") || el.GetAttribute("aria-hidden") == "true")
        {
            return true;
        }

        var style = el.GetAttribute("style");
        return style is not null && (style.Contains("display:none", StringComparison.OrdinalIgnoreCase)
            || style.Contains("display: none", StringComparison.OrdinalIgnoreCase)
            || style.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase));
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
