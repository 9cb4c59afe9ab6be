using System.Text.Json;
using Hearsay.Cli.Eval;

namespace Hearsay.Cli.Tests;

/// <summary>
/// The quality gate: every floor in eval/floors.json marked ci=true is evaluated on its dev data
/// and must not drop below floor - tolerance. eval/run-all.sh sets HEARSAY_FLOORS_ALL=1 to run all.
/// </summary>
public class FloorTests
{
    private static readonly JsonDocument Floors = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Repo, "eval", "floors.json")));

    public static TheoryData<string> Entries()
    {
        var all = Environment.GetEnvironmentVariable("HEARSAY_FLOORS_ALL") == "1";
        var data = new TheoryData<string>();
        foreach (var f in Floors.RootElement.GetProperty("floors").EnumerateArray())
        {
            if (all || (f.TryGetProperty("ci", out var ci) && ci.GetBoolean()))
            {
                data.Add(f.GetProperty("name").GetString()!);
            }
        }

        // An empty gate would be a test that cannot fail; keep the theory non-empty.
        if (data.Count == 0)
        {
            data.Add("(none)");
        }

        return data;
    }

    [Fact]
    public void FloorsFile_EveryEntryNamesAKnownTaskAndExistingData()
    {
        foreach (var f in Floors.RootElement.GetProperty("floors").EnumerateArray())
        {
            var task = f.GetProperty("task").GetString()!;
            EvalTasks.All.ShouldContain(t => t.Name == task, $"floor '{f.GetProperty("name")}' names unknown task '{task}'");
            f.GetProperty("metrics").EnumerateObject().ShouldNotBeEmpty();
        }
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Score_IsNotBelowItsFloor(string name)
    {
        if (name == "(none)")
        {
            Floors.RootElement.GetProperty("floors").GetArrayLength().ShouldBe(0);
            return;
        }

        var entry = Floors.RootElement.GetProperty("floors").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);
        var task = EvalTasks.All.Single(t => t.Name == entry.GetProperty("task").GetString());
        var data = Path.GetFullPath(Path.Combine(TestPaths.Repo, entry.GetProperty("data").GetString()!));
        var tolerance = Floors.RootElement.GetProperty("tolerance").GetDouble();

        var report = task.Run(data, CancellationToken.None);

        foreach (var metric in entry.GetProperty("metrics").EnumerateObject())
        {
            var value = report.Read(metric.Name);
            value.ShouldNotBeNull($"{name}: the report has no metric '{metric.Name}': {report.ToJsonLine()}");
            value.Value.ShouldBeGreaterThanOrEqualTo(metric.Value.GetDouble() - tolerance, $"{name}: {metric.Name} dropped below its floor");
        }
    }
}
