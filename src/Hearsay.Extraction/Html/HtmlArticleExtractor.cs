using System.Text;
using AngleSharp.Html.Parser;
using Hearsay.Core.Articles;
using Hearsay.Core.Documents;
using Hearsay.Extraction.Language;

namespace Hearsay.Extraction.Html;

/// <summary>
/// Finds the article in an HTML page: body text (paragraphs joined by a blank line, each traced to its element's
/// character range in the HTML), title, authors, dates, site, language, canonical URL and lead image.
/// Never throws for bad input: an empty article carries the reason. One instance per thread.
/// </summary>
public sealed class HtmlArticleExtractor : IArticleExtractor
{
    /// <summary>Pages beyond this many characters are cut here before parsing, which bounds time and memory.</summary>
    public const int MaxInputChars = 8_000_000;

    private readonly LanguageDetector languageDetector = new();

    // The node list and element index of the last page, emptied: their arrays are reused, not reallocated per page.
    private PageTree? spareTree;

    // Reused across pages; like the extractor itself, not for concurrent use (one extractor per thread).
    // Comments, script and style text and attributes nobody reads are never materialised: less garbage, faster pages.
    private readonly HtmlParser parser = new(new HtmlParserOptions
    {
        IsKeepingSourceReferences = true,
        SkipComments = true,
        SkipScriptText = true,
        SkipRawText = true,
        SkipCDATA = true,
        SkipProcessingInstructions = true,
        ShouldEmitAttribute = KeepAttribute,
    });

    public Article Extract(string html, Uri? baseUri)
    {
        try
        {
            return Run(html ?? string.Empty, baseUri);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new Article { Text = string.Empty, FailureReason = $"the page could not be read: {e.GetType().Name}: {e.Message}" };
        }
    }

    /// <summary>Decodes bytes by BOM, declared charset, else UTF-8 (Windows-1252 when not valid UTF-8), then extracts.</summary>
    public Article Extract(ReadOnlySpan<byte> html, Uri? baseUri) => Extract(HtmlDecoder.Decode(html), baseUri);

    private Article Run(string html, Uri? baseUri)
    {
        if (html.AsSpan().Trim().IsEmpty)
        {
            return new Article { Text = string.Empty, FailureReason = "the page is empty" };
        }

        if (LooksBinary(html))
        {
            return new Article { Text = string.Empty, FailureReason = "the input is not HTML text (binary data)" };
        }

        var truncated = html.Length > MaxInputChars;
        if (truncated)
        {
            html = html[..MaxInputChars];
        }

        using var doc = parser.ParseDocument(html);
        var root = doc.DocumentElement;
        var tree = PageTree.Build(root, spareTree);
        spareTree = null;

        var meta = MetadataReader.Collect(tree);
        meta.JsonLd.AddRange(LinkedData.Scripts(html));
        var ld = LinkedData.Read(meta.JsonLd);

        var canonical = Resolve(meta.Canonical ?? meta.MetaValue("og:url") ?? ld.Url, baseUri);
        var pageUri = baseUri ?? (Uri.TryCreate(canonical, UriKind.Absolute, out var pu) ? pu : null);
        var title = MetadataReader.ChooseTitle(meta, ld, pageUri?.Host);
        var blocks = new BodyExtractor(tree, title).Extract(out var reason);

        // A page that states its body in JSON-LD but hides it from the DOM (script-rendered) still has an article.
        if (Letters(blocks) < 200 && ld.Body is { Length: > 400 })
        {
            blocks = [.. ld.Body.Split(["\r\n\r\n", "\n\n", "\n"], StringSplitOptions.RemoveEmptyEntries)
                .Select(p => new TextBlock(p.Trim(), -1, p.Length, 0, false))];
            reason = null;
        }

        var (text, paragraphs) = Assemble(blocks, tree, html);

        var urlForDate = baseUri?.ToString() ?? canonical;
        var siteUri = baseUri ?? (Uri.TryCreate(canonical, UriKind.Absolute, out var cu) ? cu : null);
        var site = MetadataReader.ChooseSite(meta, ld, siteUri);
        var authors = MetadataReader.ChooseAuthors(meta, ld, site, siteUri?.Host);
        var language = MetadataReader.MarkupLanguage(meta, ld) ?? languageDetector.Detect(text.Length > 0 ? text : title ?? string.Empty);
        spareTree = tree.Recycle();
        return new Article
        {
            Text = text,
            Title = title,
            Byline = authors.Count == 0 ? null : string.Join(", ", authors),
            Authors = authors,
            Published = MetadataReader.ChoosePublished(meta, ld, urlForDate, paragraphs.Count == 0 ? null : text[..Math.Min(text.Length, 600)]),
            Modified = MetadataReader.ChooseModified(meta, ld),
            Site = site,
            Language = language,
            CanonicalUrl = canonical,
            LeadImageUrl = Resolve(meta.MetaValue("og:image", "og:image:url", "twitter:image", "twitter:image:src") ?? ld.Image, baseUri),
            Paragraphs = paragraphs,
            FailureReason = text.Length == 0 ? reason ?? "no article text found" : null,
        };
    }

    private static bool KeepAttribute(ref AngleSharp.Html.Parser.Tokens.Struct.StructHtmlToken token, ReadOnlyMemory<char> name)
    {
        var n = name.Span;
        return n.Length switch
        {
            2 => n.SequenceEqual("id"),
            3 => n.SequenceEqual("rel"),
            4 => n.SequenceEqual("href") || n.SequenceEqual("name") || n.SequenceEqual("role") || n.SequenceEqual("lang") || n.SequenceEqual("type"),
            5 => n.SequenceEqual("class") || n.SequenceEqual("style") || n.SequenceEqual("title"),
            6 => n.SequenceEqual("hidden"),
            7 => n.SequenceEqual("content") || n.SequenceEqual("charset") || n.SequenceEqual("pubdate"),
            8 => n.SequenceEqual("itemprop") || n.SequenceEqual("property") || n.SequenceEqual("datetime") || n.SequenceEqual("xml:lang"),
            10 => n.SequenceEqual("http-equiv"),
            11 => n.SequenceEqual("aria-hidden"),
            _ => false,
        };
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

    private static (string Text, List<ArticleParagraph> Paragraphs) Assemble(List<TextBlock> blocks, PageTree tree, string html)
    {
        var sb = new StringBuilder();
        var paragraphs = new List<ArticleParagraph>(blocks.Count);
        foreach (var b in blocks)
        {
            if (sb.Length > 0)
            {
                sb.Append("\n\n");
            }

            var start = sb.Length;
            sb.Append(b.Text);
            paragraphs.Add(new ArticleParagraph(new CharRange(start, sb.Length), SourceRange(b.Element, tree, html)));
        }

        return (sb.ToString(), paragraphs);
    }

    /// <summary>
    /// The element's range in the HTML: from its start tag to the end of its end tag, found by searching back from
    /// where the next element outside it begins (AngleSharp records start positions only).
    /// </summary>
    private static CharRange SourceRange(int element, PageTree tree, string html)
    {
        if (element < 0)
        {
            return new CharRange(0, 0);
        }

        var nodes = tree.Nodes;
        var node = nodes[element];
        var start = Position(node);
        if (start < 0 || start >= html.Length)
        {
            return new CharRange(0, 0);
        }

        var bound = html.Length;
        for (var j = element + 1; j < nodes.Count; j++)
        {
            if (nodes[j].Depth <= node.Depth)
            {
                var p = Position(nodes[j]);
                if (p > start)
                {
                    bound = p;
                    break;
                }
            }
        }

        var close = html.AsSpan(start, bound - start).LastIndexOf(("</" + node.Tag).AsSpan(), StringComparison.OrdinalIgnoreCase);
        if (close >= 0)
        {
            var gt = html.IndexOf('>', start + close);
            if (gt >= 0 && gt < bound)
            {
                return new CharRange(start, gt + 1);
            }
        }

        var end = bound;
        while (end > start && char.IsWhiteSpace(html[end - 1]))
        {
            end--;
        }

        return new CharRange(start, end);
    }

    /// <summary>Where the element's start tag begins; AngleSharp records the position just after the '&lt;'.</summary>
    private static int Position(PageNode n) => n.Element.SourceReference is { } r ? Math.Max(0, r.Position.Position - 1) : -1;

    private static string? Resolve(string? url, Uri? baseUri)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        url = url.Trim();
        if (Uri.TryCreate(url, UriKind.Absolute, out var abs) && (abs.Scheme == Uri.UriSchemeHttp || abs.Scheme == Uri.UriSchemeHttps))
        {
            return abs.ToString();
        }

        return baseUri is not null && Uri.TryCreate(baseUri, url, out var rel) ? rel.ToString() : url;
    }

    /// <summary>Text with many NULs or C0 controls in its first 4 KB is not a page.</summary>
    private static bool LooksBinary(string s)
    {
        var n = Math.Min(s.Length, 4096);
        var bad = 0;
        for (var i = 0; i < n; i++)
        {
            var c = s[i];
            if (c == '\0' || (c < 0x20 && c is not '\t' and not '\n' and not '\r' and not '\f') || c == '\uFFFD')
            {
                bad++;
            }
        }

        return bad > n / 20;
    }
}
