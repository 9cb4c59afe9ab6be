using System.Text.Json;

namespace Hearsay.Extraction.Evaluation;

/// <summary>
/// Reads the two extraction gold layouts: trafilatura's evaluation set (<c>evaldata.json</c> + <c>pages/</c>:
/// with/without body snippets, title, author, date) and Mozilla Readability's test pages
/// (<c>NAME/source.html</c> + <c>NAME/expected-metadata.json</c>: title, byline, publishedTime; no body snippets).
/// </summary>
public static class ExtractionGold
{
    public static bool HasBodyGold(string dir) => File.Exists(Path.Combine(dir, "evaldata.json"));

    public static IReadOnlyList<ExtractionEvalPage> Load(string dir)
    {
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException("no such folder");
        }

        var evaldata = Path.Combine(dir, "evaldata.json");
        if (File.Exists(evaldata))
        {
            return LoadTrafilatura(dir, evaldata);
        }

        var pages = Directory.GetDirectories(dir)
            .Where(d => File.Exists(Path.Combine(d, "source.html")) && File.Exists(Path.Combine(d, "expected-metadata.json")))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (pages.Count == 0)
        {
            throw new InvalidDataException("neither evaldata.json (trafilatura layout) nor NAME/source.html + NAME/expected-metadata.json (Readability layout)");
        }

        return [.. pages.Select(LoadReadabilityPage)];
    }

    private static List<ExtractionEvalPage> LoadTrafilatura(string dir, string evaldata)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(evaldata));
        var result = new List<ExtractionEvalPage>();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            var v = p.Value;
            var file = v.GetProperty("file").GetString()!;
            var url = p.Name.StartsWith("http", StringComparison.Ordinal) && Uri.TryCreate(p.Name.Trim(), UriKind.Absolute, out var u) ? u : null;
            result.Add(new ExtractionEvalPage(
                p.Name,
                Path.Combine(dir, "pages", file),
                url,
                Strings(v, "with"),
                Strings(v, "without"),
                Field(v, "title"),
                Field(v, "author"),
                Field(v, "date")));
        }

        return result;
    }

    private static ExtractionEvalPage LoadReadabilityPage(string pageDir)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(pageDir, "expected-metadata.json")));
        var v = doc.RootElement;
        return new ExtractionEvalPage(
            Path.GetFileName(pageDir),
            Path.Combine(pageDir, "source.html"),
            null,
            [],
            [],
            Field(v, "title"),
            Field(v, "byline"),
            Field(v, "publishedTime"));
    }

    private static string[] Strings(JsonElement v, string name)
        => v.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array
            ? [.. a.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!)]
            : [];

    private static string? Field(JsonElement v, string name)
        => v.TryGetProperty(name, out var f) && f.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(f.GetString()) ? f.GetString() : null;
}
