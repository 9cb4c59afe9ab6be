using System.Globalization;
using System.Text.Json;
using Hearsay.Core.Documents;
using Hearsay.Core.Serialization;
using Hearsay.Nlp.Time;

namespace Hearsay.Nlp.Tests;

/// <summary>
/// Golden cases: TimeCases/NAME/input.txt (text written for the test) with input.json ({"published": "yyyy-MM-dd"}),
/// and expected.json, the time expressions found. UPDATE_GOLDEN=1 rewrites expected.json.
/// </summary>
public class TimeGoldenTests
{
    private static readonly JsonSerializerOptions IndentedJson = new(HearsayJson.Options) { WriteIndented = true };

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(TimeTestData.CasesRoot()).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesExpected(string name)
    {
        var dir = Path.Combine(TimeTestData.CasesRoot(), name);
        var text = File.ReadAllText(Path.Combine(dir, "input.txt"));
        DateOnly? published = null;
        var meta = Path.Combine(dir, "input.json");
        if (File.Exists(meta))
        {
            using var json = JsonDocument.Parse(File.ReadAllText(meta));
            if (json.RootElement.TryGetProperty("published", out var p) && p.GetString() is { } s)
            {
                published = DateOnly.Parse(s, CultureInfo.InvariantCulture);
            }
        }

        var times = new TimexRecognizer().Recognize(text, published);
        var actual = JsonSerializer.Serialize(
            times.Select(t => new { text = t.Range.Substring(text), start = t.Range.Start, end = t.Range.End, type = TimeMlDocument.TypeName(t.Type), value = t.Value }),
            IndentedJson) + "\n";
        var expectedPath = Path.Combine(dir, "expected.json");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, actual);
        }

        File.Exists(expectedPath).ShouldBeTrue($"{expectedPath} missing; run with UPDATE_GOLDEN=1");
        actual.ShouldBe(File.ReadAllText(expectedPath));
    }
}
