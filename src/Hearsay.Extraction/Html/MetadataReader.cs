using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace Hearsay.Extraction.Html;

/// <summary>
/// Collects what the page says about itself (meta tags, OpenGraph, JSON-LD, &lt;time&gt;, byline elements) in one
/// sweep over the flattened tree, and chooses title, authors, dates and site from it by source reliability.
/// </summary>
internal static partial class MetadataReader
{
    private const int MaxCollected = 12;

    /// <summary>Enough for a page's header, article and sidebars; an archive page's hundreds of dates add nothing.</summary>
    private const int MaxVisibleDates = 200;

    /// <summary>How long after the publication an unlabelled, shown modified date still reads as the story's update (a quarter).</summary>
    private const int UnlabelledUpdateDays = 90;

    public static PageMetadata Collect(PageTree tree)
    {
        var m = new PageMetadata();
        foreach (var n in tree.Nodes)
        {
            var el = n.Element;
            switch (n.Tag)
            {
                case "html":
                    m.HtmlLang ??= el.GetAttribute("lang") ?? el.GetAttribute("xml:lang");
                    break;
                case "title":
                    m.TitleTag ??= el.TextContent;
                    break;
                case "meta":
                    var key = el.GetAttribute("property") ?? el.GetAttribute("name") ?? el.GetAttribute("itemprop") ?? el.GetAttribute("http-equiv");
                    var content = el.GetAttribute("content");
                    if (key is not null && !string.IsNullOrWhiteSpace(content))
                    {
                        foreach (var k in key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                        {
                            m.Meta.TryAdd(k, content);
                        }
                    }

                    break;
                case "link":
                    if (m.Canonical is null && string.Equals(el.GetAttribute("rel"), "canonical", StringComparison.OrdinalIgnoreCase))
                    {
                        m.Canonical = el.GetAttribute("href");
                    }

                    break;
                case "h1":
                    // Blog themes put the site's name in an h1 marked as branding ("site-title", "logo"); it names the
                    // site, and the title tag's segment equal to it is the site's, not the headline.
                    if (!n.Skipped && n.Text > 0 && SiteBranding().IsMatch(n.ClassAndId))
                    {
                        m.SiteNames.Add(HeadlineText(el));
                    }
                    else if (!n.Skipped && m.H1.Count < 5 && n.Text > 0)
                    {
                        m.H1.Add(HeadlineText(el));
                    }

                    break;
                case "time":
                    // A comment's timestamp is the reader's, not the article's.
                    if (m.Times.Count < MaxCollected && !InCommentThread(tree, n))
                    {
                        var ci = n.ClassAndId;
                        var published = el.HasAttribute("pubdate") || n.Itemprop is "datePublished" or "dateCreated"
                            || ci.Contains("publish", StringComparison.OrdinalIgnoreCase) || ci.Contains("entry-date", StringComparison.OrdinalIgnoreCase)
                            || ci.Contains("created", StringComparison.OrdinalIgnoreCase);
                        m.Times.Add((el.GetAttribute("datetime"), Collapse(el.TextContent), published, InTeaserList(tree, n)));
                    }

                    break;
                default:
                    break;
            }

            if (n.Tag is "html" or "head" or "body" or "meta" or "script" or "style" or "title" or "link")
            {
                continue;
            }

            if (n.Tag == "li" && m.WikiLastEdited is null && n.ClassAndId.Contains("footer-info-lastmod", StringComparison.Ordinal))
            {
                m.WikiLastEdited = el.TextContent;
            }

            var itemprop = n.Itemprop;
            if (itemprop is "datePublished" && n.Tag != "time")
            {
                m.Times.Add((el.GetAttribute("content") ?? el.GetAttribute("datetime"), Collapse(el.TextContent), true, InTeaserList(tree, n)));
            }

            var rel = n.Rel;
            var cls = n.ClassAndId;
            var isAuthor = itemprop is "author" or "creator" || (rel is not null && rel.Contains("author", StringComparison.OrdinalIgnoreCase))
                || (n.ClassFlags & PageTree.AuthorFlag) != 0;
            if (isAuthor && m.BylineTexts.Count < MaxCollected && n.Text < 200 && n.Tag is not "html" and not "body" and not "header" and not "h1" and not "h2" and not "h3")
            {
                // A layout class such as "content-area sidebar" can put the article header inside furniture; a byline
                // there is kept apart as a last resort, but never one from a comment thread (commenters are not authors).
                var list = !n.InStrongNegative ? m.BylineTexts : InCommentThread(tree, n) ? null : m.FurnitureBylineTexts;
                var text = el.GetAttribute("content") ?? NameInside(el) ?? el.TextContent;
                if (list is not null && list.Count < MaxCollected && text.Length < 200)
                {
                    list.Add(Collapse(text));
                }
            }

            // A comment's date ("comment-date") is the commenter's, whether or not its thread is marked up as one.
            if (m.DateTexts.Count < 2 * MaxCollected && (n.ClassFlags & PageTree.DateFlag) != 0 && (n.Skipped || n.Text < 200)
                && !CommentClass().IsMatch(n.ClassAndId) && !InCommentThread(tree, n))
            {
                var text = el.TextContent;
                var loose = n.InStrongNegative || InLayoutOrList(tree, n) || InTeaserList(tree, n);
                if (text.Length < 200)
                {
                    m.DateTexts.Add((Collapse(text), loose));
                }

                if (el.GetAttribute("title") is { Length: >= 8 } t && char.IsDigit(t[0]))
                {
                    m.DateTexts.Add((t, loose));
                }
            }

            // A labelled date may share its element with other footer lines ("Letzte Änderung: ...<br>Erschienen am: ...").
            if (!n.Skipped && n.DirectText is >= 80 and < 400 && m.PublishedTexts.Count < MaxCollected)
            {
                CollectPublishedLabels(tree, n, m);
            }

            if (!n.Skipped && n.DirectText is > 1 and < 200 && m.VisibleDateTexts.Count < MaxVisibleDates)
            {
                CollectVisibleDates(tree, n, m);
            }

            if (!n.Skipped && n.DirectText is > 1 and < 80 && m.ShortDateTexts.Count < 3 * MaxCollected)
            {
                if (m.PublishedTexts.Count < MaxCollected)
                {
                    CollectPublishedLabels(tree, n, m);
                }

                var kids = el.ChildNodes;
                for (var k = 0; k < kids.Length; k++)
                {
                    var c = kids[k];
                    if (c is IText t && t.Data.Length < 160)
                    {
                        if (t.Data.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
                        {
                            m.ShortDateTexts.Add(t.Data);
                        }

                        if (!n.InStrongNegative && m.ShortBylineTexts.Count < MaxCollected && t.Data.Length < 30 && AuthorLabel().IsMatch(t.Data)
                            && NextText(t) is { } following)
                        {
                            m.ShortBylineTexts.Add(following);
                        }

                        if (!n.InStrongNegative && m.ShortBylineTexts.Count < MaxCollected && BylineStart().IsMatch(t.Data))
                        {
                            m.ShortBylineTexts.Add(t.Data.Trim() + " " + (t.NextSibling is IElement next && next.TextContent.Length < 60 ? next.TextContent : string.Empty));
                        }
                    }
                }
            }
        }

        return m;
    }

    /// <summary>
    /// An h1's headline without its kicker: when the h1 is split into parts (a "100. Geburtstag" topline span and
    /// the headline span), the longest part that carries most of the text is the headline.
    /// </summary>
    private static string HeadlineText(IElement h1)
    {
        // CSS-in-JS pages put <style> rules inside the headline; their text is no part of it.
        if (h1.QuerySelector("style, script") is not null)
        {
            foreach (var junk in h1.QuerySelectorAll("style, script").ToList())
            {
                junk.Remove();
            }
        }

        var full = Collapse(h1.TextContent);
        if (h1.ChildElementCount < 2)
        {
            return full;
        }

        string? best = null;
        foreach (var c in h1.Children)
        {
            var t = Collapse(c.TextContent);
            if (best is null || t.Length > best.Length)
            {
                best = t;
            }
        }

        return best is not null && best.Length * 10 >= full.Length * 6 && best.Length >= 10 ? best : full;
    }

    private static void CollectVisibleDates(PageTree tree, PageNode n, PageMetadata m)
    {
        var kids = n.Element.ChildNodes;
        bool? article = null;
        for (var k = 0; k < kids.Length && m.VisibleDateTexts.Count < MaxVisibleDates; k++)
        {
            if (kids[k] is not IText t || t.Data.Length >= 200 || t.Data.AsSpan().IndexOfAnyInRange('0', '9') < 0 || !YearLike().IsMatch(t.Data))
            {
                continue;
            }

            if (article is null)
            {
                if (InCommentThread(tree, n))
                {
                    return;
                }

                article = !n.InStrongNegative && !InTeaserList(tree, n);
            }

            var label = UpdateLabel().IsMatch(t.Data)
                || (t.PreviousSibling is IElement before && before.TextContent is { Length: < 40 } lt && UpdateLabel().IsMatch(lt));
            m.VisibleDateTexts.Add((t.Data, article.Value, label));
        }
    }

    private static void CollectPublishedLabels(PageTree tree, PageNode n, PageMetadata m)
    {
        var kids = n.Element.ChildNodes;
        for (var k = 0; k < kids.Length; k++)
        {
            var c = kids[k];
            if (c is IText t && t.Data.Length < 160 && t.Data.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && PublishedLabel().IsMatch(t.Data)
                && !InCommentThread(tree, n))
            {
                m.PublishedTexts.Add(t.Data);
            }
        }
    }

    /// <summary>
    /// Inside a list of other posts (related posts, recommendations): a time there dates another page, even when each
    /// teaser is an &lt;article&gt; marked up with the blog's "published" classes. "sidebar", "widget" and "teaser" are
    /// not enough: page builders (Elementor's "elementor-widget-container") and layouts ("content-area sidebar",
    /// "article-teaser") wrap the article's own header in them.
    /// </summary>
    private static bool InTeaserList(PageTree tree, PageNode n)
    {
        for (var i = n.Parent; i >= 0; i = tree.Nodes[i].Parent)
        {
            var ci = tree.Nodes[i].ClassAndId.AsSpan();
            if (ci.Length > 0 && (ci.Contains("related", StringComparison.OrdinalIgnoreCase) || ci.Contains("yarpp", StringComparison.OrdinalIgnoreCase)
                || ci.Contains("recommend", StringComparison.OrdinalIgnoreCase) || ci.Contains("more-stories", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool InLayoutOrList(PageTree tree, PageNode n)
    {
        for (var i = n.Parent; i >= 0; i = tree.Nodes[i].Parent)
        {
            if (tree.Nodes[i].Tag is "li" or "nav" or "header" or "footer" or "aside")
            {
                return true;
            }
        }

        return false;
    }

    private static bool InCommentThread(PageTree tree, PageNode n)
    {
        for (var i = n.Parent; i >= 0; i = tree.Nodes[i].Parent)
        {
            if (CommentClass().IsMatch(tree.Nodes[i].ClassAndId))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first non-blank text after a node in document order (a few steps at most), for "Author:" labels.</summary>
    private static string? NextText(INode start)
    {
        INode? cur = start;
        for (var steps = 0; steps < 12 && cur is not null; steps++)
        {
            INode? next = cur.FirstChild is { } fc && cur != start ? fc : null;
            while (next is null && cur is not null)
            {
                next = cur.NextSibling;
                if (next is null)
                {
                    cur = cur.Parent;
                }
            }

            cur = next;
            if (cur is IText tx && !string.IsNullOrWhiteSpace(tx.Data))
            {
                var d = tx.Data.Trim();
                return d.Length < 60 ? d : null;
            }
        }

        return null;
    }

    /// <summary>The cleanest name inside a byline element: itemprop=name, an author-page link, or a *name* element.</summary>
    private static string? NameInside(IElement el)
    {
        if (el.ChildElementCount == 0)
        {
            return null;
        }

        var name = el.QuerySelector("[itemprop=name], a[rel~=author], a[href*='/author'], a[href*='/autor'], a[href*='/profil'], a[href*='/team/'], [class*='author-name'], [class*='authorname'], [class*='author__name'], .fn");
        var text = name?.GetAttribute("content") ?? name?.TextContent;
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    public static string? ChooseTitle(PageMetadata m, LinkedData ld, string? host = null)
    {
        var og = Decode(m.MetaValue("og:title", "twitter:title", "dc.title", "dcterms.title", "title"));
        var tag = m.TitleTag is null ? null : Decode(Collapse(m.TitleTag));
        var headline = ld.Headline is null ? null : Decode(Collapse(ld.Headline));
        var hostLabel = HostLabel(host);
        var sites = SiteHints(m, ld, tag, og, headline, hostLabel);

        // The host name marks a title segment as the site's, but a whole title equal to it is still a title.
        var strip = hostLabel is null ? sites : new HashSet<string>(sites, StringComparer.Ordinal) { hostLabel };

        // A kicker glued in front of the headline inside the h1 ("Energiewende Oberland: Klimavorreiter Oberland?"):
        // the metadata headline is the h1's tail, so the tail is the headline.
        foreach (var h1 in m.H1)
        {
            if (h1.Length is <= 3 or >= 300)
            {
                continue;
            }

            foreach (var c in (ReadOnlySpan<string?>)[headline, og, tag])
            {
                if (c is not null && (TailOf(h1, c) ?? TailOf(h1, StripSite(c, strip)) ?? GluedKickerTail(h1, c)) is { } tail)
                {
                    return tail;
                }
            }
        }

        // A visible h1 that the page's own title, og:title or JSON-LD headline confirm is the cleanest headline,
        // unless it is the site's logo text; the most specific source picks among several h1s.
        foreach (var c in (ReadOnlySpan<string?>)[headline, og, tag])
        {
            if (c is null)
            {
                continue;
            }

            var nc = BodyExtractor.Normalize(StripSite(c, strip));
            foreach (var h1 in m.H1)
            {
                if (h1.Length is <= 3 or >= 300 || sites.Contains(BodyExtractor.Normalize(h1)))
                {
                    continue;
                }

                var nh = BodyExtractor.Normalize(h1);
                if (nc.Contains(nh, StringComparison.Ordinal) && nh.Length * 2 >= nc.Length)
                {
                    return h1;
                }

                // The h1 is the leading segment of a "Headline - Long Site Name" title (a trailing one is as often the site's).
                if (nh.Length >= 20 && nh.Contains(' ', StringComparison.Ordinal)
                    && TitleSeparator().Split(c) is { Length: 2 } segs && BodyExtractor.Normalize(segs[0]) == nh)
                {
                    return h1;
                }
            }
        }

        // The visible headline is what readers (and the gold) call the title; take a lone, headline-like h1.
        var visible = m.H1.Where(h => h.Length is >= 10 and < 250 && !sites.Contains(BodyExtractor.Normalize(h)) && !IsSiteSegment(h, sites)).ToList();
        if (visible.Count == 1 && m.H1.Count <= 2 && visible[0].Contains(' ', StringComparison.Ordinal))
        {
            return visible[0];
        }

        foreach (var c in (ReadOnlySpan<string?>)[headline, og, tag])
        {
            if (c is { Length: > 3 } && !sites.Contains(BodyExtractor.Normalize(c)))
            {
                return StripSite(c, strip);
            }
        }

        foreach (var h1 in m.H1)
        {
            if (!sites.Contains(BodyExtractor.Normalize(h1)))
            {
                return h1;
            }
        }

        return tag ?? (m.H1.Count > 0 ? m.H1[0] : null);
    }

    /// <summary>Normalised names the site goes by: og:site_name, publisher, and h1 texts that are also a title segment.</summary>
    private static HashSet<string> SiteHints(PageMetadata m, LinkedData ld, string? tag, string? og, string? headline, string? hostLabel)
    {
        var hints = new HashSet<string>(StringComparer.Ordinal);

        foreach (var s in m.SiteNames)
        {
            if (!string.IsNullOrWhiteSpace(s))
            {
                hints.Add(BodyExtractor.Normalize(s));
            }
        }

        foreach (var s in (ReadOnlySpan<string?>)[m.MetaValue("og:site_name"), m.MetaValue("application-name"), ld.Publisher, m.MetaValue("twitter:site")?.TrimStart('@')])
        {
            if (!string.IsNullOrWhiteSpace(s))
            {
                hints.Add(BodyExtractor.Normalize(Decode(s)!));
            }
        }

        if (tag is not null)
        {
            var parts = TitleSeparator().Split(tag);
            if (parts.Length > 1)
            {
                foreach (var h1 in m.H1)
                {
                    var nh = BodyExtractor.Normalize(h1);

                    // The h1 the metadata calls the headline, or one beside a segment that already names the site, is no logo.
                    if ((og is not null && BodyExtractor.Normalize(og) == nh) || (headline is not null && BodyExtractor.Normalize(headline) == nh)
                        || parts.Any(p => BodyExtractor.Normalize(p) != nh && (IsSiteSegment(p, hints) || (hostLabel is not null && IsSiteSegment(p, [hostLabel])))))
                    {
                        continue;
                    }

                    if (parts.Any(p => BodyExtractor.Normalize(p) == nh) && parts.Length > 1 && parts.Any(p => p.Length > h1.Length * 1.5))
                    {
                        hints.Add(nh);
                    }
                }
            }
        }

        return hints;
    }

    /// <summary>Drops " | Site" or "Site - " segments from a title when what remains still reads as a headline.</summary>
    private static string StripSite(string title, HashSet<string> sites)
    {
        var parts = TitleSeparator().Split(title);
        if (parts.Length < 2)
        {
            return title;
        }

        // "Site » Blog Archiv » Post": breadcrumb titles end with the page's own name.
        if (title.Contains(" » ", StringComparison.Ordinal))
        {
            var crumbs = title.Split(" » ");
            if (crumbs[^1].Trim().Length >= 8)
            {
                return crumbs[^1].Trim();
            }
        }

        var kept = parts.Where(p => !IsSiteSegment(p, sites)).ToArray();
        if (kept.Length > 0 && kept.Length < parts.Length)
        {
            return kept.Length == 1 ? kept[0].Trim() : title[..(title.IndexOf(kept[^1], StringComparison.Ordinal) + kept[^1].Length)].Trim();
        }

        // A leading short section label ("Local News | ...") is not part of the headline.
        if (parts.Length == 2 && parts[0].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 2 && parts[1].Trim().Length > parts[0].Trim().Length * 2
            && title.Contains('|', StringComparison.Ordinal))
        {
            return parts[1].Trim();
        }

        // No segment names the site outright: a trailing short segment is the usual site suffix.
        var last = parts[^1].Trim();
        var first = parts[0].Trim();
        if (last.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 3 && first.Length >= last.Length)
        {
            var cut = title.LastIndexOf(last, StringComparison.Ordinal);
            var rest = title[..cut];
            var m = TitleSeparatorAtEnd().Match(rest);
            return (m.Success ? rest[..m.Index] : rest).Trim();
        }

        return title;
    }

    /// <summary>The host's distinctive label ("literaturkritik" for www.literaturkritik.de), lower case.</summary>
    private static string? HostLabel(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return null;
        }

        var labels = host.ToLowerInvariant().Split('.', StringSplitOptions.RemoveEmptyEntries);
        if (labels.Length < 2)
        {
            return null;
        }

        // Second-level country domains (co.uk, com.pa) push the name one label further left.
        var i = labels.Length - 2;
        if (i > 0 && labels[i] is "co" or "com" or "org" or "net" or "ac" or "gov" && labels[^1].Length == 2)
        {
            i--;
        }

        return labels[i].Length >= 4 ? labels[i] : null;
    }

    /// <summary>Letters and digits only, lower case: "FASSETTE.NET" and "Bibliothek 2.0" compare with host labels.</summary>
    private static string Compact(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// When <paramref name="h1"/> ends with <paramref name="candidate"/> (case, dashes and spacing aside) after a
    /// kicker of a few words, that tail of the h1.
    /// </summary>
    private static string? TailOf(string h1, string candidate)
    {
        var fc = FoldForCompare(candidate, out _);
        if (fc.Length < 12)
        {
            return null;
        }

        var fh = FoldForCompare(h1, out var map);
        if (fh.Length <= fc.Length + 2 || !fh.EndsWith(fc, StringComparison.Ordinal) || fh.Length > fc.Length * 2.5)
        {
            return null;
        }

        var start = map[fh.Length - fc.Length];

        // A quotation in front ("Pure Leere": ...) belongs to the headline; a topic label does not.
        if (h1.AsSpan().TrimStart() is [ '"' or '„' or '“' or '»' or '«' or '\'', ..])
        {
            return null;
        }

        var tail = h1[start..].Trim();
        return tail.Length >= 10 ? tail : null;
    }

    /// <summary>
    /// "Kicker: Headline" in the metadata and the same two parts glued without the separator in the h1 (separate
    /// elements on the page): the h1 shows the kicker as a label, so the headline is the second part.
    /// </summary>
    private static string? GluedKickerTail(string h1, string candidate)
    {
        var parts = TitleSeparator().Split(candidate);
        if (parts.Length != 2 && candidate.IndexOf(": ", StringComparison.Ordinal) is > 0 and var colon && candidate.LastIndexOf(": ", StringComparison.Ordinal) == colon)
        {
            parts = [candidate[..colon], candidate[(colon + 1)..]];
        }

        if (parts.Length != 2)
        {
            return null;
        }

        var kicker = FoldForCompare(parts[0], out _).TrimEnd(':');
        var rest = FoldForCompare(parts[1], out _);
        var fh = FoldForCompare(h1, out var map);
        if (kicker.Length == 0 || rest.Length < 12 || fh != kicker + rest)
        {
            return null;
        }

        return h1[map[kicker.Length]..].Trim();
    }

    /// <summary>Lower case, dashes and quotes folded, whitespace dropped; <paramref name="map"/> gives each folded char's source index.</summary>
    private static string FoldForCompare(string s, out List<int> map)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        map = new List<int>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                continue;
            }

            sb.Append(c switch
            {
                '–' or '—' or '‐' or '‑' or '−' => '-',
                '‘' or '’' or '‚' or '`' or '´' => '\'',
                '“' or '”' or '„' or '«' or '»' => '"',
                _ => char.ToLowerInvariant(c),
            });
            map.Add(i);
        }

        return sb.ToString();
    }

    private static bool IsSiteSegment(string part, HashSet<string> sites)
    {
        var np = BodyExtractor.Normalize(part);
        foreach (var s in sites)
        {
            if (np == s || (s.Length >= 4 && np.Length <= s.Length + 12 && (np.Contains(s, StringComparison.Ordinal) || s.Contains(np, StringComparison.Ordinal))))
            {
                return true;
            }

            if (s.Length >= 4 && !s.Contains(' ', StringComparison.Ordinal) && Compact(part) is var cp && cp.Length <= s.Length + 12 && cp.Contains(s, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Decode(string? s)
        => s is null ? null : s.Contains('&', StringComparison.Ordinal) ? System.Net.WebUtility.HtmlDecode(s).Trim() : s.Trim();

    public static List<string> ChooseAuthors(PageMetadata m, LinkedData ld, string? site, string? host = null)
    {
        var siteName = site is null ? null : BodyExtractor.Normalize(site);
        var publisher = ld.Publisher is null ? null : BodyExtractor.Normalize(ld.Publisher);
        var hostLetters = HostLetters(host);
        bool IsSite(string name)
        {
            var n = BodyExtractor.Normalize(name);
            return n == siteName || n == publisher || DomainName().IsMatch(name) || Organisation().IsMatch(name) || (hostLetters.Length > 3 && LettersOf(name) is var l && (l == hostLetters.Full || l == hostLetters.Label));
        }

        var result = new List<string>();
        List<string>? siteOnly = null;
        void DropSite()
        {
            if (result.Count > 0 && result.TrueForAll(IsSite))
            {
                siteOnly ??= [.. result];
                result.Clear();
            }
        }

        foreach (var a in ld.Authors)
        {
            AddAuthor(a, result);
        }

        DropSite();

        if (result.Count == 0)
        {
            var meta = m.MetaValue("author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl", "citation_author", "cxenseparse:author", "twitter:creator:name");
            if (meta is null && m.MetaValue("twitter:label1") is { } label && AuthorLabel().IsMatch(label))
            {
                meta = m.MetaValue("twitter:data1");
            }

            if (meta is not null)
            {
                AddAuthor(meta, result);
                DropSite();
            }
        }

        var structured = result.Count > 0;
        foreach (var list in (ReadOnlySpan<List<string>>)[m.BylineTexts, m.ShortBylineTexts, m.FurnitureBylineTexts])
        {
            foreach (var t in list)
            {
                if (result.Count > 0)
                {
                    break;
                }

                AddAuthor(t, result);
                DropSite();
            }
        }

        CompleteNames(result, m, structured);

        // When the page names no person, the organisation it credits itself is the author (press releases, NGOs).
        return result.Count == 0 && siteOnly is not null ? siteOnly : result;
    }

    /// <summary>
    /// Structured data often carries a login handle ("edilson.la.rosa") where the visible byline or the author meta
    /// tag spells the same name ("Edilson La Rosa"); the spelled-out name wins. (Extending a first name to a longer
    /// byline text was tried: it picks up job titles as often as surnames.)
    /// </summary>
    private static void CompleteNames(List<string> result, PageMetadata m, bool structured)
    {
        if (result.Count == 0)
        {
            return;
        }

        var others = new List<string>();
        if (m.MetaValue("author", "article:author", "parsely-author", "cxenseparse:author") is { } meta)
        {
            AddAuthor(meta, others);
        }

        foreach (var list in (ReadOnlySpan<List<string>>)[m.BylineTexts, m.ShortBylineTexts])
        {
            foreach (var t in list)
            {
                AddAuthor(t, others);
            }
        }

        // A visible byline that names every structured-data author and more ("von Rudolf Fischer, Simon Kohler") is the full list.
        foreach (var list in (ReadOnlySpan<List<string>>)[m.BylineTexts, m.ShortBylineTexts])
        {
            foreach (var t in list)
            {
                var names = new List<string>();
                AddAuthor(t, names);
                if (names.Count > result.Count && names.Count <= 4 && result.TrueForAll(r => names.Contains(r, StringComparer.OrdinalIgnoreCase)))
                {
                    result.Clear();
                    result.AddRange(names);
                }
            }
        }

        // A numbered account ("CC7567") in structured data next to a byline element that spells a name: the name.
        if (structured && result.Count == 1 && result[0].IndexOf(' ') < 0 && result[0].Any(char.IsDigit))
        {
            var spelled = new List<string>();
            foreach (var t in m.BylineTexts)
            {
                AddAuthor(t, spelled);
            }

            spelled.RemoveAll(n => !n.Contains(' ', StringComparison.Ordinal));
            if (spelled.Count == 1)
            {
                result[0] = spelled[0];
                return;
            }
        }

        for (var i = 0; i < result.Count; i++)
        {
            var name = result[i];
            if (!LooksLikeHandle(name))
            {
                continue;
            }

            var key = LettersOf(name);
            foreach (var o in others)
            {
                if (!o.Contains(' ', StringComparison.Ordinal) || o.Count(c => c == ' ') > 3)
                {
                    continue;
                }

                if (LettersOf(o) == key)
                {
                    result[i] = o;
                    break;
                }
            }
        }
    }

    /// <summary>The host's letters with and without its top-level domain ("interscenar.io": "interscenario", "interscenar"), "www." aside.</summary>
    private static (string Full, string Label, int Length) HostLetters(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return (string.Empty, string.Empty, 0);
        }

        var h = host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;
        var dot = h.LastIndexOf('.');
        var full = LettersOf(h);
        return (full, dot > 0 ? LettersOf(h[..dot]) : full, full.Length);
    }

    private static bool LooksLikeHandle(string name)
        => name.IndexOfAny(['.', '_']) > 0 && !name.Contains(". ", StringComparison.Ordinal) && !name.Any(char.IsUpper);

    /// <summary>Letters only, lower case, accents dropped: "Gàbor Muniér" and "gabor_munier" read alike.</summary>
    private static string LettersOf(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        foreach (var c in s.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (char.IsLetter(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static void AddAuthor(string raw, List<string> into)
    {
        var s = Decode(Collapse(raw))!;
        if (s.Length == 0 || s.StartsWith("http", StringComparison.OrdinalIgnoreCase) || s.Contains("://", StringComparison.Ordinal))
        {
            return;
        }

        s = DatedByline().Replace(s, string.Empty);
        for (var i = 0; i < 3; i++)
        {
            var before = s;
            s = BylinePrefix().Replace(s, string.Empty).TrimStart(' ', '~', ':', '-', '–', '|', '·');
            if (s == before)
            {
                break;
            }
        }

        s = BylineTail().Replace(s, string.Empty);
        s = AgencySuffix().Replace(s, string.Empty);
        s = s.Trim(' ', ',', ';', ':', '|', '-', '–', '·', '•', '/', '~');
        foreach (var part in AuthorSeparator().Split(s))
        {
            var p = part.Trim(' ', ',', ';', ':', '|', '-', '–', '·', '•', '~');
            if (p.Length is < 2 or > 60 || p.Count(c => c == ' ') > 5 || (p.Any(char.IsDigit) && !UserHandle().IsMatch(p)) || NotAName().IsMatch(p))
            {
                continue;
            }

            if (!into.Contains(p, StringComparer.OrdinalIgnoreCase))
            {
                into.Add(p);
            }
        }
    }

    /// <summary>
    /// The publication date. <paramref name="lead"/> is the start of the article text, where press releases and
    /// regional papers write a dateline ("29.11.2022 – Mehrfach ...").
    /// </summary>
    public static DateOnly? ChoosePublished(PageMetadata m, LinkedData ld, string? url, string? lead = null)
    {
        url = DateText.ArchivedUrl(url);

        // A visible "10/05/2022" is 5 October in American English and 10 May almost everywhere else. Machine values
        // keep the month-first reading: server software writes them in US order whatever the page's language
        // (a Swiss page's meta "11/01/2023" under a visible "01.11.2023").
        var monthFirst = MarkupLanguage(m, ld) is null or "en";
        var (found, written) = FindPublished(m, ld, url, lead, monthFirst);

        // Markup times are often UTC-shifted across midnight; the date in the URL is the newsroom's own calendar day.
        // A time written with its local offset ("2020-02-19T18:37:32+01:00") is already on the newsroom's calendar:
        // the URL then keeps the day the story was filed under, not the one the page gives.
        if (found is { } f && !LocalTime().IsMatch(written ?? string.Empty) && DateText.FromUrl(url) is { } u && Math.Abs(f.DayNumber - u.DayNumber) == 1)
        {
            found = u;
        }

        return found is { } p ? ShownUpdate(m, ld, p, monthFirst) ?? p : null;
    }

    /// <summary>
    /// The update date a reader sees as the article's date, when the page shows no publication date at all. Many
    /// newsrooms replace the visible date with the last update ("Updated 2010 GMT March 14, 2021", "Aktualisiert:
    /// 11.04.2020", or just the update's "12.01.2022" under the headline) and keep the first publication only in
    /// metadata. Taken only when the publication day is nowhere on the page (outside comment threads; a teaser's
    /// coincident date counts as shown, erring towards the publication) and the update is later: the modified
    /// metadata's day shown beside the article, else the first date the page labels as an update. An unlabelled
    /// shown date counts only within <see cref="UnlabelledUpdateDays"/> of the publication: a story's corrections and
    /// follow-ups come within days or weeks, while a template that prints the record's last-change time shows a
    /// re-save, a CMS migration or a refreshed "best of 2017" list years later, and then the publication stays the
    /// article's date. A page that labels the date as an update presents it as the article's date stamp on purpose.
    /// </summary>
    private static DateOnly? ShownUpdate(PageMetadata m, LinkedData ld, DateOnly published, bool monthFirst)
    {
        // Most pages have neither a recent later modified date nor an update label: nothing to read then.
        var recent = ChooseModified(m, ld) is { } modified && modified > published && modified.DayNumber - published.DayNumber <= UnlabelledUpdateDays
            ? modified
            : (DateOnly?)null;
        if (recent is null && !m.VisibleDateTexts.Exists(t => t.Article && t.UpdateLabel))
        {
            return null;
        }

        var shown = new HashSet<DateOnly>();
        DateOnly? labelled = null;
        foreach (var (text, article, updateLabel) in m.VisibleDateTexts)
        {
            foreach (var d in DateText.AllFromProse(text, monthFirst))
            {
                if (d == published)
                {
                    return null;
                }

                if (article)
                {
                    shown.Add(d);
                    labelled ??= updateLabel ? d : null;
                }
            }
        }

        return recent is { } update && shown.Contains(update) ? update
            : labelled > published ? labelled
            : null;
    }

    private static (DateOnly? Date, string? Written) FindPublished(PageMetadata m, LinkedData ld, string? url, string? lead, bool monthFirst)
    {
        DateOnly? Prose(string? text) => DateText.FromProse(text, monthFirst);
        var zone = NewsroomZone.Find(url, m.HtmlLang);
        DateOnly? Machine(string? value) => zone?.DayOfUtc(value) ?? DateText.FromMachine(value);

        var fromLd = Machine(ld.Published);
        var metaValue = m.MetaValue(
            "article:published_time", "og:article:published_time", "article:published", "datePublished", "og:published_time", "published_time",
            "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued", "dcterms.issued",
            "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date", "article.published", "og:pubdate", "dc.date.created",
            "cxenseparse:recs:publishtime", "article_date_original", "originalpublicationdate", "displaydate", "dateCreated", "created",
            "publication_date", "published_at", "date.published", "dc.date.published", "dcterms.available", "release_date", "og:article:published");

        // The publication metas come before the page's JSON-LD: where they disagree the JSON-LD (often an SEO
        // plugin's or a syndication feed's record) carries a draft or first-import time, the metas the shown date
        // (trafilatura dev +2 pages, Readability test pages 0.8125 -> 0.8438). An ImageObject's or VideoObject's
        // date is when the picture or clip was made, often years before the page, so only a page-typed one counts here.
        if (Machine(metaValue) is { } early)
        {
            return (early, metaValue);
        }

        if (ld.DescribesPage && fromLd is { } pageLd)
        {
            return (pageLd, ld.Published);
        }

        foreach (var t in m.Times)
        {
            if (t.Published && !t.Furniture && Machine(t.DateTime) is { } pm)
            {
                return (pm, t.DateTime);
            }

            if (t.Published && !t.Furniture && Prose(t.Text) is { } pd)
            {
                return (pd, null);
            }
        }

        // "Erschienen am: 01.11.2023", "Published on 3 May 2021": the page says which of its dates is the publication.
        foreach (var t in m.PublishedTexts)
        {
            if (Prose(t) is { } labelled)
            {
                return (labelled, null);
            }
        }

        if (DateText.FromUrl(url) is { } inUrl)
        {
            return (inUrl, null);
        }

        if (Dateline(lead, monthFirst) is { } dateline)
        {
            return (dateline, null);
        }

        foreach (var t in m.Times)
        {
            if (!t.Furniture && (DateText.FromMachine(t.DateTime) ?? Prose(t.Text)) is { } td)
            {
                return (td, null);
            }
        }

        // A bare "date"/"dc.date" says neither published nor modified: CMSs (TYPO3 among them) fill it with the page
        // record's creation or last-change time, so a time element, a date the page labels as its publication or a
        // date-classed text beside the article comes first. Loose date-classed texts (a header's "today", an events
        // list) are weaker than the meta.
        var bareValue = m.MetaValue("dc.date", "dcterms.date", "dcterms.created", "date");
        var weak = Machine(bareValue) ?? fromLd;
        if (weak is not null)
        {
            foreach (var t in m.DateTexts)
            {
                if (!t.Loose && DateOfText(t.Text, monthFirst) is { } shown)
                {
                    return (shown, null);
                }
            }

            return (weak, Machine(bareValue) is null ? ld.Published : bareValue);
        }

        // A wiki article is never published once: its last edit is its date, not a date in its text (the next meeting).
        if (Prose(m.WikiLastEdited) is { } edited)
        {
            return (edited, null);
        }

        foreach (var t in m.DateTexts)
        {
            if (DateOfText(t.Text, monthFirst) is { } dd)
            {
                return (dd, null);
            }
        }

        foreach (var t in m.ShortDateTexts)
        {
            if (Prose(t) is { } sd)
            {
                return (sd, null);
            }
        }

        if (Prose(m.TitleTag) is { } titleDate)
        {
            return (titleDate, null);
        }

        foreach (var t in m.Times)
        {
            if ((DateText.FromMachine(t.DateTime) ?? Prose(t.Text)) is { } furniture)
            {
                return (furniture, null);
            }
        }

        return (ChooseModified(m, ld), null);
    }

    private static DateOnly? DateOfText(string t, bool monthFirst)
        => (t.Length >= 8 && char.IsDigit(t[0]) ? DateText.FromMachine(t, monthFirst) : null) ?? DateText.FromProse(t, monthFirst);

    /// <summary>
    /// A date that opens one of the article's first paragraphs, set off by a dash or in parentheses: "29.11.2022 –
    /// Mehrfach und vehement ...", "(21. November 2022) Energieverbraucher erhalten ...". The headline, a kicker and a
    /// byline often come first, so the first three paragraphs are looked at.
    /// </summary>
    private static DateOnly? Dateline(string? lead, bool monthFirst)
    {
        if (string.IsNullOrEmpty(lead))
        {
            return null;
        }

        var rest = lead.AsSpan();
        for (var i = 0; i < 3 && !rest.IsEmpty; i++)
        {
            var end = rest.IndexOf("\n\n", StringComparison.Ordinal);
            if (ParagraphDateline(end < 0 ? rest : rest[..end], monthFirst) is { } d)
            {
                return d;
            }

            rest = end < 0 ? [] : rest[(end + 2)..];
        }

        return null;
    }

    private static DateOnly? ParagraphDateline(ReadOnlySpan<char> paragraph, bool monthFirst)
    {
        var head = paragraph[..Math.Min(paragraph.Length, 40)];
        if (head.Length > 8 && head[0] == '(' && head.IndexOf(')') is var close and > 6 && char.IsDigit(head[1]))
        {
            return DateText.FromProse(head[1..close].ToString(), monthFirst);
        }

        var dash = head.IndexOfAny("–—-");
        while (dash > 0 && head[dash] == '-' && (dash + 1 >= head.Length || head[dash + 1] != ' '))
        {
            var next = head[(dash + 1)..].IndexOfAny("–—-");
            dash = next < 0 ? -1 : dash + 1 + next;
        }

        if (dash < 6 || !char.IsWhiteSpace(head[dash - 1]))
        {
            return null;
        }

        var prefix = head[..dash].Trim();
        return prefix.Length <= 30 && char.IsDigit(prefix[0]) ? DateText.FromProse(prefix.ToString(), monthFirst) : null;
    }

    public static DateOnly? ChooseModified(PageMetadata m, LinkedData ld)
        => DateText.FromMachine(ld.Modified) ?? DateText.FromMachine(m.MetaValue("article:modified_time", "og:updated_time", "dateModified", "last-modified"));

    public static string? ChooseSite(PageMetadata m, LinkedData ld, Uri? url)
        => m.MetaValue("og:site_name", "application-name", "twitter:site:name") ?? ld.Publisher ?? url?.Host;

    public static string? MarkupLanguage(PageMetadata m, LinkedData ld)
    {
        foreach (var c in (ReadOnlySpan<string?>)[m.HtmlLang, m.MetaValue("content-language", "language", "dc.language", "og:locale"), ld.Language])
        {
            if (c is { Length: >= 2 } && char.IsAsciiLetter(c[0]) && char.IsAsciiLetter(c[1]) && (c.Length == 2 || c[2] is '-' or '_'))
            {
                return c[..2].ToLowerInvariant();
            }
        }

        return null;
    }

    public static string Collapse(string s)
    {
        var span = s.AsSpan().Trim();
        if (span.IndexOfAny("\n\r\t  ") < 0)
        {
            return span.ToString();
        }

        return BodyExtractor.CollapseWhitespace(span);
    }

    // A time of day with an offset other than UTC's: "2020-02-19T18:37:32+01:00", "2022-05-07T13:43:46-05:00".
    [GeneratedRegex(@"\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*[+-](?!00:?00$)\d{2}:?\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalTime();

    // Digits that can belong to a full date: a year, or a day.month.two-digit year ("10.12.19").
    [GeneratedRegex(@"(?:19|20)\d{2}|\d[./]\d{1,2}[./]\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex YearLike();

    [GeneratedRegex(@"^\s*(?:last\s+|zuletzt\s+)?(?:updated|modified|aktualisiert|geändert|stand|letzte\s+änderung|actualizado|actualizada|mis\s+à\s+jour|aggiornato|bijgewerkt)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UpdateLabel();

    [GeneratedRegex(@"(?:^|[\s_-])(?:site[-_]?(?:title|name|logo|branding)|logo|brand(?:ing)?|masthead|blog[-_]?(?:title|name))(?:$|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex SiteBranding();

    [GeneratedRegex(@"\s+(?:[|–—·•»/]|::|-|:)\s+|\s*\|\s*")]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"\s*(?:[|–—·•»/]|::|-|:)\s*$")]
    private static partial Regex TitleSeparatorAtEnd();

    [GeneratedRegex(@"^\s*(?:by|von|text:|autor:|author:|written by)\s+\p{Lu}", RegexOptions.CultureInvariant)]
    private static partial Regex BylineStart();

    [GeneratedRegex(@"^\s*(?:written by|geschrieben von|verfasst von|von|by|autor(?:in)?|author|verfasser(?:in)?|text)\s*:?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorLabel();

    [GeneratedRegex(@"^(?:posted|veröffentlicht|published|name|anonymous|anonym|unknown|guest|gast|comments?|says|sagt|about the author|alle beiträge|über|stand)\b|\b(?:says|sagt|schreibt|wrote)$|erforderlich|required|\*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAName();

    [GeneratedRegex(@"^(?:(?:(?:view |see |zeige )?(?:all |alle )?(?:posts|articles|stories|beiträge|artikel) (?:by|von))\b|(?:written |posted |published |post author |article |artikel |erstellt |geschrieben |ein beitrag )?(?:by|von)\b|par\b|por\b|de\b|di\b|door\b|av\b|auteur\b|autor(?:in)?|author|verfasser(?:in)?|text:|redakteur(?:in)?|post author|posted|written|interview:|pressemitteilung von|©|\(c\))\s*:?\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylinePrefix();

    [GeneratedRegex(@"\s*(?:[|•·@]|\s-\s|,\s*(?:cnn|ap|afp|dpa|reuters|apa|phd|ph\.d\.|md|m\.d\.)\b|\b(?:follow|folgen|über|about|mehr von|alle beiträge|autorenseite|a computer|ist |is a |foto:|photo:)|\bam\b|\bon\b|\bat\b|\bupdated\b|\bpublished\b|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|(?:\s\p{L}{2,3}\.?)?,?\s+\d{1,2}\.?\s+\p{L}{3,}\.?\s+(?:19|20)\d{2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d).*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylineTail();

    // Forum and blog user names carry digits ("Bo2man", "delta201"); a date or time is never one word of letters then digits.
    [GeneratedRegex(@"^\p{L}{2,}[\p{L}_.]*\d{1,4}[\p{L}\d_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex UserHandle();

    [GeneratedRegex(@"\b(?:veröffentlicht|erschienen|publiziert|published|posted on|publié|publicado|pubblicato|gepubliceerd|opublikowano)(?:\s+(?:am|on|le|el|il|op|em))?\s*:?\s*\d", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublishedLabel();

    // "Posted on September 21, 2020 by Adi Tzlil": the name follows the date, so the date line before "by" goes.
    [GeneratedRegex(@"^(?:posted|published|updated|veröffentlicht|erstellt|geschrieben)\b[^|]{0,60}?\s(?:by|von)\s+(?=\p{L})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DatedByline();

    // "Peter Maahn/SP-X": the news agency after the writer's name is a credit line, not a second author.
    [GeneratedRegex(@"(?<=\p{Ll})\s?/\s?\p{Lu}[\p{Lu}-]{1,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex AgencySuffix();

    [GeneratedRegex(@"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorSeparator();

    // A company or association credited as author ("Bund der Energieverbraucher e.V.") is the publisher speaking; a
    // person named in a visible byline is preferred, the organisation stays the answer when there is none.
    [GeneratedRegex(@"\b(?:GmbH|mbH|AG|KG|e\.\s?V\.|Inc\.?|Ltd\.?|LLC|S\.A\.|S\.L\.)(?:\s|$|,)|www\.", RegexOptions.CultureInvariant)]
    private static partial Regex Organisation();

    // "handwerksblatt.de", "MesOpinions.com": a host name credited as author is the site, not a person.
    [GeneratedRegex(@"^[\w-]+(?:\.[\w-]+)*\.(?:com|de|at|ch|org|net|fr|it|es|info|eu|uk|io|pe|co|news)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DomainName();

    [GeneratedRegex(@"(?:^|[\s_-])(?:comments?|comment-?list|commentlist|disqus\w*|respond|repl(?:y|ies))(?:$|[\s_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CommentClass();

    [GeneratedRegex(@"(?:^|[\s_-])(?:author\w*|byline\w*|autor\w*|verfasser\w*|writer|vcard|fn|contributor)(?:$|[\s_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorClass();

    public static bool IsAuthorClass(string classToken) => AuthorClass().IsMatch(classToken);

    public static bool IsDateClass(string classToken) => DateClass().IsMatch(classToken);

    [GeneratedRegex(@"(?:date|datum|time|published|posted|pubdate|dateline|entry-meta|post-meta|meta-date|timestamp|zeit|authored|updated|heading__meta|article-details|meta)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateClass();
}
