namespace Hearsay.Extraction.Html;

/// <summary>Everything the page says about itself in markup, gathered before choosing.</summary>
internal sealed class PageMetadata
{
    public string? HtmlLang;
    public string? TitleTag;
    public List<string> H1 = [];
    /// <summary>Texts of h1 elements marked as the site's branding (id or class "site-title", "logo", ...).</summary>
    public List<string> SiteNames = [];
    public Dictionary<string, string> Meta = new(StringComparer.OrdinalIgnoreCase);
    public string? Canonical;
    public List<string> JsonLd = [];
    /// <summary>Time elements; Furniture: inside a related-posts list, sidebar or similar, so most likely another page's date.</summary>
    public List<(string? DateTime, string Text, bool Published, bool Furniture)> Times = [];
    /// <summary>A MediaWiki footer's "This page was last edited on ..." line: a wiki page's only date.</summary>
    public string? WikiLastEdited;
    public List<string> BylineTexts = [];
    /// <summary>Texts of date-classed elements; Loose: in a header, footer, menu, list item or teaser list (a "today" clock, an events list).</summary>
    public List<(string Text, bool Loose)> DateTexts = [];
    public List<string> ShortDateTexts = [];
    /// <summary>
    /// Date lines a reader sees: texts with a year in elements with under 200 characters of their own text (not inside
    /// scripts, hidden or skipped elements, or comment threads).
    /// Article: outside furniture and teaser lists. UpdateLabel: the text, or the label just before it, says the date
    /// is an update ("Updated", "Aktualisiert", "Stand").
    /// </summary>
    public List<(string Text, bool Article, bool UpdateLabel)> VisibleDateTexts = [];
    public List<string> PublishedTexts = [];
    public List<string> ShortBylineTexts = [];
    public List<string> FurnitureBylineTexts = [];

    public string? MetaValue(params string[] keys)
    {
        foreach (var k in keys)
        {
            if (Meta.TryGetValue(k, out var v) && !string.IsNullOrWhiteSpace(v))
            {
                return v.Trim();
            }
        }

        return null;
    }
}
