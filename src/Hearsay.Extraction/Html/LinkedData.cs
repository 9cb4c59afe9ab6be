using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hearsay.Extraction.Html;

/// <summary>The article facts a page states in JSON-LD (schema.org), read tolerantly: malformed blocks are ignored.</summary>
internal sealed partial class LinkedData
{
    /// <summary>The JSON-LD script bodies, read from the raw page (the parser does not keep script text).</summary>
    public static List<string> Scripts(string html)
    {
        var result = new List<string>();
        if (!MentionsLdJson(html))
        {
            return result;
        }

        try
        {
            for (var m = LdScript().Match(html); m.Success && result.Count < 12; m = m.NextMatch())
            {
                result.Add(m.Groups["json"].Value);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological page: metadata from the other sources still counts.
        }

        return result;
    }

    /// <summary>
    /// Same answer as html.Contains("ld+json", OrdinalIgnoreCase), which walks the whole page char by char (under
    /// invariant globalization): the rare '+' is found by a vectorised search and only there is the word compared.
    /// </summary>
    private static bool MentionsLdJson(string html)
    {
        var rest = html.AsSpan();
        var offset = 0;
        int plus;
        while ((plus = rest[offset..].IndexOf('+')) >= 0)
        {
            var at = offset + plus;
            if (at >= 2 && rest[(at - 2)..].StartsWith("ld+json", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            offset = at + 1;
        }

        return false;
    }

    [GeneratedRegex(@"<script\b[^>]*ld\+json[^>]*>(?<json>.*?)</script", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex LdScript();

    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 };

    public string? Headline;
    public List<string> Authors = [];
    public string? Published;
    public string? Modified;
    public string? Publisher;
    public string? Image;
    public string? Language;
    public string? Url;
    public string? Body;

    /// <summary>Whether the fields come from an article or web-page object, not from an image, video or logo node.</summary>
    public bool DescribesPage;

    // Yoast-style graphs name the author in a separate Person node and point to it by @id.
    private readonly List<string> authorIds = [];
    private readonly Dictionary<string, string> namesById = new(StringComparer.Ordinal);

    public static LinkedData Read(IEnumerable<string> blocks)
    {
        var result = new LinkedData();
        var bestRank = int.MaxValue;
        foreach (var raw in blocks)
        {
            try
            {
                using var doc = Parse(raw.Trim().TrimEnd(';'));
                var stack = new Stack<JsonElement>();
                stack.Push(doc.RootElement);
                var visited = 0;
                while (stack.Count > 0 && visited++ < 5000)
                {
                    var e = stack.Pop();
                    if (e.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var item in e.EnumerateArray())
                        {
                            stack.Push(item);
                        }

                        continue;
                    }

                    if (e.ValueKind != JsonValueKind.Object)
                    {
                        continue;
                    }

                    if (Str(e, "@id") is { } id && Str(e, "name") is { } idName)
                    {
                        result.namesById.TryAdd(id, idName);
                    }

                    var rank = Rank(e);
                    if (rank < bestRank)
                    {
                        bestRank = rank;
                        result.Take(e);
                    }
                    else if (rank == bestRank && rank < 100)
                    {
                        result.Fill(e);
                    }

                    foreach (var p in e.EnumerateObject())
                    {
                        if (p.NameEquals("@graph") || p.NameEquals("mainEntity") || p.NameEquals("itemListElement"))
                        {
                            stack.Push(p.Value);
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the page's other markup still speaks.
            }
        }

        result.DescribesPage = bestRank is <= 2 or 10;
        if (result.Authors.Count == 0)
        {
            foreach (var id in result.authorIds)
            {
                if (result.namesById.TryGetValue(id, out var name))
                {
                    result.Authors.Add(name);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Parses a JSON-LD block; CMSs often paste the article HTML into a string with raw line breaks and tabs, which
    /// strict JSON forbids, so such a block is read again with those characters as spaces.
    /// </summary>
    private static JsonDocument Parse(string json)
    {
        try
        {
            return JsonDocument.Parse(json, Options);
        }
        catch (JsonException) when (json.AsSpan().IndexOfAny('\n', '\r', '\t') >= 0)
        {
            return JsonDocument.Parse(json.Replace('\n', ' ').Replace('\r', ' ').Replace('\t', ' '), Options);
        }
    }

    /// <summary>How article-like a schema.org type is (lower is better); 1000 when it is not a page or article.</summary>
    private static int Rank(JsonElement e)
    {
        if (!e.TryGetProperty("@type", out var t))
        {
            return 1000;
        }

        var best = 1000;
        if (t.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in t.EnumerateArray())
            {
                best = Math.Min(best, RankType(x.ValueKind == JsonValueKind.String ? x.GetString() : null));
            }
        }
        else if (t.ValueKind == JsonValueKind.String)
        {
            best = RankType(t.GetString());
        }

        return best;
    }

    private static int RankType(string? type) => type switch
    {
        "NewsArticle" or "ReportageNewsArticle" or "AnalysisNewsArticle" or "OpinionNewsArticle" or "BackgroundNewsArticle" or "ReviewNewsArticle" => 0,
        "Article" or "BlogPosting" or "LiveBlogPosting" or "TechArticle" or "ScholarlyArticle" or "SocialMediaPosting" or "Report" or "Review" => 1,
        "Recipe" or "HowTo" or "QAPage" or "DiscussionForumPosting" => 2,
        "VideoObject" or "Event" => 3,
        "WebPage" or "ItemPage" or "AboutPage" or "ProfilePage" or "CollectionPage" => 10,
        _ => 1000,
    };

    private void Take(JsonElement e)
    {
        Headline = null;
        Authors = [];
        authorIds.Clear();
        Published = null;
        Modified = null;
        Fill(e);
    }

    private void Fill(JsonElement e)
    {
        Headline ??= Str(e, "headline") ?? Str(e, "name");
        Published ??= Str(e, "datePublished") ?? Str(e, "dateCreated") ?? Str(e, "uploadDate");
        Modified ??= Str(e, "dateModified");
        Language ??= Str(e, "inLanguage");
        Body ??= Str(e, "articleBody");
        if (Url is null)
        {
            Url = Str(e, "url");
            if (Url is null && e.TryGetProperty("mainEntityOfPage", out var mep))
            {
                Url = mep.ValueKind == JsonValueKind.String ? mep.GetString() : Str(mep, "@id") ?? Str(mep, "url");
            }
        }

        if (Publisher is null && e.TryGetProperty("publisher", out var pub))
        {
            Publisher = pub.ValueKind == JsonValueKind.String ? pub.GetString() : FirstName(pub);
        }

        if (Image is null && e.TryGetProperty("image", out var img))
        {
            Image = img.ValueKind switch
            {
                JsonValueKind.String => img.GetString(),
                JsonValueKind.Object => Str(img, "url") ?? Str(img, "@id"),
                JsonValueKind.Array when img.GetArrayLength() > 0 => img[0].ValueKind == JsonValueKind.String ? img[0].GetString() : Str(img[0], "url"),
                _ => null,
            };
        }

        if (Authors.Count == 0 && (e.TryGetProperty("author", out var a) || e.TryGetProperty("creator", out a)))
        {
            AddAuthors(a, Authors);
        }
    }

    private void AddAuthors(JsonElement a, List<string> into)
    {
        switch (a.ValueKind)
        {
            case JsonValueKind.String:
                into.Add(a.GetString()!);
                break;
            case JsonValueKind.Object:
                if (FirstName(a) is { } n)
                {
                    into.Add(n);
                }
                else if (Str(a, "@id") is { } id)
                {
                    authorIds.Add(id);
                }

                break;
            case JsonValueKind.Array:
                foreach (var x in a.EnumerateArray())
                {
                    AddAuthors(x, into);
                }

                break;
            default:
                break;
        }
    }

    private static string? FirstName(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            return e.GetArrayLength() > 0 ? FirstName(e[0]) : null;
        }

        return e.ValueKind == JsonValueKind.Object ? Str(e, "name") : null;
    }

    private static string? Str(JsonElement e, string name)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out var v))
        {
            return null;
        }

        var s = v.ValueKind switch
        {
            JsonValueKind.String => v.GetString(),
            JsonValueKind.Array when v.GetArrayLength() > 0 && v[0].ValueKind == JsonValueKind.String => v[0].GetString(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(s) ? null : s.Trim();
    }
}
