using System.Text.Json;
using Hearsay.Core.Documents;
using Hearsay.Nlp.Time;

namespace Hearsay.Nlp.Tests;

/// <summary>The showcase article: every required time of its gold annotation, with its TimeML span and value.</summary>
public class TimeShowcaseTests
{
    [Fact]
    public void FindsEveryRequiredTimeOfTheShowcase()
    {
        var seed = Path.Combine(SharedData.Root, "seed");
        var text = File.ReadAllText(Path.Combine(seed, "massoud-has-not-fled.txt"));
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(seed, "massoud-has-not-fled.gold.json")));
        var published = DateOnly.Parse(gold.RootElement.GetProperty("published").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var doc = new Document(text, new DocumentMetadata { Published = published, PublishedOrigin = "given" });
        new TimexRecognizer().Process(doc, CancellationToken.None);

        int required = 0;
        foreach (var t in gold.RootElement.GetProperty("times").EnumerateArray())
        {
            if (t.TryGetProperty("required", out var r) && !r.GetBoolean())
            {
                continue;
            }

            required++;
            var range = new CharRange(t.GetProperty("start").GetInt32(), t.GetProperty("end").GetInt32());
            var value = t.GetProperty("value").GetString();
            var found = doc.TimeExpressions.FirstOrDefault(x => x.Range == range);
            found.ShouldNotBeNull($"'{t.GetProperty("text").GetString()}' {range} not found; found {string.Join("; ", doc.TimeExpressions.Select(x => doc.Slice(x.Range) + x.Range + "=" + x.Value))}");
            found.Value.ShouldBe(value, $"value of '{doc.Slice(range)}'");
        }

        required.ShouldBe(9);
    }

    [Fact]
    public void DatesTheShowcaseReportToSunday()
    {
        var seed = Path.Combine(SharedData.Root, "seed");
        var text = File.ReadAllText(Path.Combine(seed, "massoud-has-not-fled.txt"));
        var doc = new Document(text, new DocumentMetadata { Published = new DateOnly(2021, 9, 13), PublishedOrigin = "given" });
        int cue = text.IndexOf("reported on Sunday", StringComparison.Ordinal);
        var time = new StatementTimeFinder().Find(doc, new CharRange(cue, cue + "reported".Length));
        time.ShouldNotBeNull();
        time.Value.ShouldBe("2021-09-12");
        doc.Slice(time.Range).ShouldBe("Sunday");
    }

    [Fact]
    public void ShowcaseTextAloneLeavesTheDateUnknown()
    {
        // Its only full dates are 2001 history; its "last week" and "on Sunday" need a date the text does not give.
        var text = File.ReadAllText(Path.Combine(SharedData.Root, "seed", "massoud-has-not-fled.txt"));
        var estimate = new DocumentDateEstimator().Estimate(text);
        estimate.Date.ShouldBeNull();
        estimate.Confidence.ShouldBe(0);
    }
}
