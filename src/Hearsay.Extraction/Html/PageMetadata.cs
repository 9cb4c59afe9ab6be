namespace Hearsay.Extraction.Html;

/// <summary>Everything the page says about itself in markup, gathered before choosing.</summary>
internal sealed class PageMetadata
{
    public string? HtmlLang;
    public string? TitleTag;
    public List<string> H1 = [];
    public Dictionary<string, string> Meta = new(StringComparer.OrdinalIgnoreCase);
    public string? Canonical;
    public List<string> JsonLd = [];
    public List<(string? DateTime, string Text, bool Published)> Times = [];
    public List<string> BylineTexts = [];
    public List<string> DateTexts = [];
    public List<string> ShortDateTexts = [];
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
