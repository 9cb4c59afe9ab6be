using System.Text.Json;
using System.Text.Json.Nodes;
using Hearsay.Attribution.Corpus;
using Hearsay.Core.Documents;

namespace Hearsay.Attribution.Tests;

/// <summary>
/// Regression cases of varied news styles (invented text): each <c>Cases/NAME/input.txt</c> is
/// analysed with the shipped model and compared with <c>expected.json</c>; set UPDATE_GOLDEN=1 to rewrite.
/// </summary>
public class GoldenCaseTests
{
    private static readonly string CasesDir = Path.Combine(AppContext.BaseDirectory, "Cases");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(CasesDir).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesExpected(string name)
    {
        var text = File.ReadAllText(Path.Combine(CasesDir, name, "input.txt"));
        var doc = NewsTokenizer.Analyze(text);
        new AttributionExtractor().Process(doc, CancellationToken.None);
        var actual = Describe(doc).ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        var expectedPath = Path.Combine(SourceCasesDir(), name, "expected.json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, actual + "\n");
            return;
        }

        File.Exists(expectedPath).ShouldBeTrue($"{expectedPath} missing; run with UPDATE_GOLDEN=1");
        actual.ShouldBe(File.ReadAllText(expectedPath).TrimEnd('\n'));
    }

    private static JsonArray Describe(Document doc)
    {
        var list = new JsonArray();
        foreach (var a in doc.Attributions)
        {
            list.Add(new JsonObject
            {
                ["source"] = doc.Slice(a.Source.Range),
                ["sourceType"] = a.Source.Type.ToString(),
                ["cue"] = doc.Slice(a.Cue),
                ["content"] = new JsonArray([.. a.Content.Select(c => (JsonNode?)doc.Slice(c))]),
                ["form"] = a.Form.ToString(),
                ["polarity"] = a.Polarity.ToString(),
                ["upstream"] = new JsonArray([.. a.Upstream.Select(u => (JsonNode?)$"{(u.Cue is { } c ? doc.Slice(c) : "")}: {doc.Slice(u.Range)} ({u.Type})")]),
            });
        }

        return list;
    }

    private static string SourceCasesDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Hearsay.Attribution.Tests", "Cases");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return CasesDir;
    }
}
