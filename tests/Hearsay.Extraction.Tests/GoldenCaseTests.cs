using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hearsay.Core.Articles;
using Hearsay.Core.Serialization;
using Hearsay.Extraction.Html;
using Hearsay.Extraction.PlainText;

namespace Hearsay.Extraction.Tests;

/// <summary>
/// One folder per case under Cases/: input.txt or input.html plus expected.json. The hand-written
/// <c>mustContain</c>/<c>mustNotContain</c> snippets are checked against the whitespace-normalised text;
/// <c>expect</c> is a snapshot of the metadata and is rewritten when UPDATE_GOLDEN=1.
/// </summary>
public sealed partial class GoldenCaseTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(CasesRoot()).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_holds(string name)
    {
        var dir = Path.Combine(CasesRoot(), name);
        var expectedPath = Path.Combine(dir, "expected.json");
        var expected = JsonNode.Parse(File.ReadAllText(expectedPath))!.AsObject();
        var url = expected["url"]?.GetValue<string>();
        var article = Run(dir, url is null ? null : new Uri(url));
        var text = Normalize(article.Text);
        if (name.Contains("no-article", StringComparison.Ordinal))
        {
            article.Text.ShouldBeEmpty();
            article.FailureReason.ShouldNotBeNullOrEmpty();
        }
        else
        {
            article.Text.ShouldNotBeEmpty();
        }


        foreach (var s in Strings(expected["mustContain"]))
        {
            text.ShouldContain(Normalize(s), Case.Sensitive, $"{name}: missing must-contain snippet");
        }

        foreach (var s in Strings(expected["mustNotContain"]))
        {
            text.ShouldNotContain(Normalize(s), Case.Sensitive, $"{name}: found must-not-contain snippet");
        }

        var snapshot = Snapshot(article);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            expected["expect"] = snapshot;
            File.WriteAllText(expectedPath, expected.ToJsonString(HearsayJson.Indented) + "\n");
            return;
        }

        var want = expected["expect"];
        want.ShouldNotBeNull($"{name}: expected.json has no 'expect' snapshot; run with UPDATE_GOLDEN=1");
        snapshot.ToJsonString(HearsayJson.Options).ShouldBe(want.ToJsonString(HearsayJson.Options), $"{name}: metadata snapshot differs");
    }

    internal static string CasesRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Hearsay.Extraction.Tests.csproj")))
            {
                return Path.Combine(d.FullName, "Cases");
            }
        }

        throw new DirectoryNotFoundException("Hearsay.Extraction.Tests source folder not found above " + AppContext.BaseDirectory);
    }

    private static Article Run(string dir, Uri? url)
    {
        var txt = Path.Combine(dir, "input.txt");
        if (File.Exists(txt))
        {
            return new PlainTextCleaner().Clean(File.ReadAllText(txt, Encoding.UTF8));
        }

        var html = Path.Combine(dir, "input.html");
        if (File.Exists(html))
        {
            var article = new HtmlArticleExtractor().Extract(File.ReadAllBytes(html), url);
            foreach (var p in article.Paragraphs)
            {
                // Every paragraph is traced to a real range of the decoded page.
                p.SourceRange.End.ShouldBeLessThanOrEqualTo(HtmlDecoder.Decode(File.ReadAllBytes(html)).Length);
                p.TextRange.End.ShouldBeLessThanOrEqualTo(article.Text.Length);
            }

            return article;
        }

        throw new FileNotFoundException("case has no input.txt or input.html", dir);
    }

    private static JsonObject Snapshot(Article a)
    {
        var o = new JsonObject
        {
            ["title"] = a.Title,
            ["byline"] = a.Byline,
            ["published"] = a.Published?.ToString("yyyy-MM-dd"),
            ["site"] = a.Site,
            ["language"] = a.Language,
            ["modified"] = a.Modified?.ToString("yyyy-MM-dd"),
            ["canonicalUrl"] = a.CanonicalUrl,
            ["leadImageUrl"] = a.LeadImageUrl,
            ["paragraphs"] = a.Paragraphs.Count,
            ["failureReason"] = a.FailureReason,
        };
        if (a.RemovedLines.Count > 0)
        {
            o["removedLines"] = new JsonArray([.. a.RemovedLines.Select(l => (JsonNode?)JsonValue.Create(l))]);
        }

        return o;
    }

    private static IEnumerable<string> Strings(JsonNode? node)
        => node is JsonArray arr ? arr.Select(n => n!.GetValue<string>()) : [];

    private static string Normalize(string s) => Whitespace().Replace(s, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
