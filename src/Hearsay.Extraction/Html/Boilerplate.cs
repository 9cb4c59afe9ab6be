using System.Text.RegularExpressions;

namespace Hearsay.Extraction.Html;

/// <summary>
/// Class/id and tag vocabularies that tell site furniture from article content, gathered from how
/// Readability, trafilatura and jusText recognise boilerplate.
/// </summary>
internal static partial class Boilerplate
{
    /// <summary>Tags whose subtree never holds article prose.</summary>
    public static bool IsSkippedTag(string tag) => tag switch
    {
        "script" or "style" or "template" or "svg" or "math" or "iframe" or "object" or "embed" or "canvas"
            or "video" or "audio" or "button" or "input" or "select" or "textarea" or "option" or "nav" or "head" or "link"
            or "meta" or "title" or "footer" or "aside" or "menu" or "dialog" or "figcaption" or "map" or "picture" or "source" or "img" => true,
        _ => false,
    };

    public static bool IsBlockTag(string tag) => tag switch
    {
        "p" or "div" or "section" or "article" or "main" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "li" or "ul" or "ol"
            or "blockquote" or "pre" or "table" or "tbody" or "thead" or "tfoot" or "tr" or "td" or "th" or "dd" or "dt" or "dl"
            or "figure" or "figcaption" or "header" or "address" or "center" or "details" or "summary" or "hr" or "body"
            or "caption" or "fieldset" or "form" or "legend" => true,
        _ => false,
    };

    public static bool IsHeading(string tag) => tag is "h1" or "h2" or "h3" or "h4" or "h5" or "h6";

    public static bool IsNegative(string classAndId) => classAndId.Length > 0 && Negative().IsMatch(classAndId);

    public static bool IsPositive(string classAndId) => classAndId.Length > 0 && Positive().IsMatch(classAndId);

    /// <summary>Furniture so certain that even a positive word next to it ("comment-content") does not save it.</summary>
    public static bool IsStrongNegative(string classAndId) => classAndId.Length > 0 && StrongNegative().IsMatch(classAndId);

    [GeneratedRegex(
        @"(?:^|[\s_-])(?:comment\w*|disqus|respond|repl(?:y|ies)|footer|footnotes?|sidebar|side|widget\w*|related\w*|recommend\w*|"
        + @"share\w*|sharing|social\w*|sponsor\w*|advert\w*|ad|ads|adv|adslot|adsense|promo\w*|newsletter|subscri\w*|cookie\w*|consent|"
        + @"banner|breadcrumbs?|nav|navbar|navigation|menu|popup|modal|overlay|tags?|tagcloud|taglist|authorbox|author-?bio|about-?author|"
        + @"pagination|pager|masthead|skip|print|rating|more-?stories|read-?more|readmore|most-?popular|popular|trending|outbrain|taboola|"
        + @"signup|login|paywall|postmeta|post-?meta|entry-?meta|meta|byline|dateline|toolbar|sitemap|copyright|legal|gdpr|"
        + @"yarpp|jp-relatedposts|teaser-?list|teasers|newsticker|ticker|linkliste|weitere|empfehlung\w*|kommentar\w*|"
        + @"visually-?hidden|sr-only|screen-reader-text|offscreen|author-info|share-?bar|shariff|socialshare|"
        + @"donate|donation|login|register|search\w*|header|top-?bar|topbar|bottom|pre-?footer|site-?info|community|"
        + @"caption\w*|credits?|photo-?credit|bildunterschrift|bildquelle|copyright|author-?box|about-?the-?author|autorenbox|bio|"
        + @"affiliate|disclaimer|infobox-?teaser|teaser-?list|teasers|teaser-?box|more-?articles|further-?reading|mehr-?zum-?thema)(?:$|[\s_-])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negative();

    [GeneratedRegex(
        @"(?:^|[\s_-])(?:comments?|comment-?list|commentlist|disqus_thread|respond|related(?:-?posts|-?articles|-?stories)?|"
        + @"share-?buttons?|sharedaddy|social-?share|outbrain|taboola|newsletter|cookie\w*|yarpp\w*|jp-relatedposts|"
        + @"breadcrumbs?|sidebar|widget-area|nav|navbar|navigation|menu|site-?footer|footer|author-?bio|gdpr)(?:$|[\s_-])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StrongNegative();

    public static bool IsLead(string classAndId) => classAndId.Length > 0 && Lead().IsMatch(classAndId);

    [GeneratedRegex(
        @"(?:^|[\s_-])(?:intro\w*|lead\w*|teaser|summary|standfirst|kicker|dek|deck|excerpt|abstract|subtitle|subline|sub-?headline|"
        + @"description|einleitung|vorspann|chapo|bajada|entradilla|sumario|copete|lede|lead-?text|article-?intro)(?:$|[\s_-])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Lead();

    [GeneratedRegex(
        @"(?:^|[\s_-])(?:article\w*|body|content\w*|entry\w*|hentry|main|page|post|posts|text|blog|story|artikel\w*|inhalt|beitrag|"
        + @"prose|rich-?text|richtext|news-?text|single|wysiwyg|td-post-content|node|field-?item|field-?name-?body)(?:$|[\s_-])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Positive();
}
