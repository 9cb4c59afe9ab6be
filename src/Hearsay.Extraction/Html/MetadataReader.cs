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
                case "script":
                    if (el.GetAttribute("type") is { } type && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase) && m.JsonLd.Count < MaxCollected)
                    {
                        m.JsonLd.Add(el.TextContent);
                    }

                    break;
                case "h1":
                    if (!n.Skipped && m.H1.Count < 5 && n.Text > 0)
                    {
                        m.H1.Add(Collapse(el.TextContent));
                    }

                    break;
                case "time":
                    if (m.Times.Count < MaxCollected)
                    {
                        var ci = n.ClassAndId;
                        var published = el.HasAttribute("pubdate") || el.GetAttribute("itemprop") is "datePublished" or "dateCreated"
                            || ci.Contains("publish", StringComparison.OrdinalIgnoreCase) || ci.Contains("entry-date", StringComparison.OrdinalIgnoreCase)
                            || ci.Contains("created", StringComparison.OrdinalIgnoreCase);
                        m.Times.Add((el.GetAttribute("datetime"), Collapse(el.TextContent), published));
                    }

                    break;
                default:
                    break;
            }

            if (n.Tag is "html" or "head" or "body" or "meta" or "script" or "style" or "title" or "link")
            {
                continue;
            }

            var itemprop = el.GetAttribute("itemprop");
            if (itemprop is "datePublished" && n.Tag != "time")
            {
                m.Times.Add((el.GetAttribute("content") ?? el.GetAttribute("datetime"), Collapse(el.TextContent), true));
            }

            var rel = el.GetAttribute("rel");
            var cls = n.ClassAndId.Length > 0 ? n.ClassAndId : PageTree.ClassAndId(el);
            var isAuthor = itemprop is "author" or "creator" || (rel is not null && rel.Contains("author", StringComparison.OrdinalIgnoreCase))
                || AuthorClass().IsMatch(cls);
            if (isAuthor && m.BylineTexts.Count < MaxCollected && n.Tag is not "html" and not "body" && !n.Tag.StartsWith('h'))
            {
                var text = el.GetAttribute("content") ?? (itemprop is "author" ? NameInside(el) : null) ?? el.TextContent;
                if (text.Length < 200)
                {
                    m.BylineTexts.Add(Collapse(text));
                }
            }

            if (m.DateTexts.Count < 2 * MaxCollected && DateClass().IsMatch(cls))
            {
                var text = el.TextContent;
                if (text.Length < 200)
                {
                    m.DateTexts.Add(Collapse(text));
                }
            }
        }

        return m;
    }

    private static string? NameInside(IElement el)
    {
        var name = el.QuerySelector("[itemprop=name]");
        return name?.GetAttribute("content") ?? name?.TextContent;
    }

    public static string? ChooseTitle(PageMetadata m, LinkedData ld)
    {
        var og = m.MetaValue("og:title", "twitter:title", "dc.title", "dcterms.title", "title");
        var tag = m.TitleTag is null ? null : Collapse(m.TitleTag);
        var h1 = m.H1.Count > 0 ? m.H1[0] : null;
        var headline = ld.Headline is null ? null : Collapse(ld.Headline);

        // An h1 that the page's own title or og:title confirm is the cleanest headline (no site suffix).
        if (h1 is { Length: > 3 and < 300 })
        {
            var nh = BodyExtractor.Normalize(h1);
            foreach (var c in (ReadOnlySpan<string?>)[og, tag, headline])
            {
                if (c is not null && BodyExtractor.Normalize(c).Contains(nh, StringComparison.Ordinal))
                {
                    return h1;
                }
            }
        }

        foreach (var c in (ReadOnlySpan<string?>)[headline, og])
        {
            if (c is { Length: > 3 })
            {
                return StripSite(c, m);
            }
        }

        if (tag is { Length: > 0 })
        {
            return StripSite(tag, m);
        }

        return h1;
    }

    /// <summary>Drops a " | Site" or "Site - " part from a title when the rest still reads as a headline.</summary>
    private static string StripSite(string title, PageMetadata m)
    {
        var site = m.MetaValue("og:site_name", "application-name");
        var parts = TitleSeparator().Split(title);
        if (parts.Length < 2)
        {
            return title;
        }

        if (site is not null)
        {
            var ns = BodyExtractor.Normalize(site);
            var kept = parts.Where(p => !BodyExtractor.Normalize(p).Equals(ns, StringComparison.Ordinal)).ToArray();
            if (kept.Length > 0 && kept.Length < parts.Length)
            {
                return string.Join(" - ", kept).Trim();
            }
        }

        var longest = parts.OrderByDescending(p => p.Length).First().Trim();
        return longest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3 ? longest : title;
    }

    public static List<string> ChooseAuthors(PageMetadata m, LinkedData ld)
    {
        var result = new List<string>();
        foreach (var a in ld.Authors)
        {
            AddAuthor(a, result);
        }

        if (result.Count == 0)
        {
            var meta = m.MetaValue("author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author", "byl", "citation_author", "cxenseparse:author");
            if (meta is not null)
            {
                AddAuthor(meta, result);
            }
        }

        if (result.Count == 0)
        {
            foreach (var t in m.BylineTexts)
            {
                AddAuthor(t, result);
                if (result.Count > 0)
                {
                    break;
                }
            }
        }

        return result;
    }

    private static void AddAuthor(string raw, List<string> into)
    {
        var s = Collapse(raw);
        if (s.Length == 0 || s.StartsWith("http", StringComparison.OrdinalIgnoreCase) || s.StartsWith('@') || s.Contains("://", StringComparison.Ordinal))
        {
            return;
        }

        s = BylinePrefix().Replace(s, string.Empty);
        s = BylineTail().Replace(s, string.Empty);
        s = s.Trim(' ', ',', ';', ':', '|', '-', '–', '·', '•', '/');
        foreach (var part in AuthorSeparator().Split(s))
        {
            var p = part.Trim(' ', ',', ';', ':', '|', '-', '–', '·', '•');
            if (p.Length is < 2 or > 60 || p.Count(c => c == ' ') > 5 || p.Any(char.IsDigit) && !p.Any(char.IsLetter))
            {
                continue;
            }

            if (!into.Contains(p, StringComparer.OrdinalIgnoreCase))
            {
                into.Add(p);
            }
        }
    }

    public static DateOnly? ChoosePublished(PageMetadata m, LinkedData ld, string? url)
    {
        var d = DateText.FromMachine(ld.Published);
        if (d is not null)
        {
            return d;
        }

        d = DateText.FromMachine(m.MetaValue(
            "article:published_time", "og:article:published_time", "article:published", "datePublished", "og:published_time", "published_time",
            "pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "date",
            "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date", "article.published", "og:pubdate", "dc.date.created",
            "cxenseparse:recs:publishtime", "article_date_original", "originalpublicationdate", "displaydate", "dateCreated", "created"));
        if (d is not null)
        {
            return d;
        }

        foreach (var t in m.Times)
        {
            if (t.Published && (DateText.FromMachine(t.DateTime) ?? DateText.FromProse(t.Text)) is { } pd)
            {
                return pd;
            }
        }

        d = DateText.FromUrl(url);
        if (d is not null)
        {
            return d;
        }

        foreach (var t in m.Times)
        {
            if ((DateText.FromMachine(t.DateTime) ?? DateText.FromProse(t.Text)) is { } td)
            {
                return td;
            }
        }

        foreach (var t in m.DateTexts)
        {
            if (DateText.FromProse(t) is { } dd)
            {
                return dd;
            }
        }

        return DateText.FromMachine(ld.Modified) ?? DateText.FromMachine(m.MetaValue("article:modified_time", "og:updated_time", "dateModified", "last-modified"));
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

    [GeneratedRegex(@"\s+(?:[|–—·•»]|::|-|:)\s+")]
    private static partial Regex TitleSeparator();

    [GeneratedRegex(@"^(?:(?:written |posted |published )?by|von|par|por|de|di|door|av|autor(?:in)?|author|verfasser(?:in)?|text|redakteur(?:in)?)\s*[:\s]\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylinePrefix();

    [GeneratedRegex(@"\s*(?:[|•·]|\s-\s|\bam\b|\bon\b|\bupdated\b|\bpublished\b|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2}|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\s+\d).*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BylineTail();

    [GeneratedRegex(@"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b)\s*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorSeparator();

    [GeneratedRegex(@"(?:^|[\s_-])(?:author\w*|byline\w*|autor\w*|verfasser\w*|writer|vcard|fn)(?:$|[\s_-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AuthorClass();

    [GeneratedRegex(@"(?:date|datum|time|published|posted|pubdate|dateline|entry-meta|post-meta|meta-date|timestamp|zeit)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateClass();
}
