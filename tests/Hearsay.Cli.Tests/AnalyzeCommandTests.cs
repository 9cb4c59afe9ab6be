using System.Text;
using System.Text.Json;

namespace Hearsay.Cli.Tests;

[Collection("cli")]
public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hearsay-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static string Showcase => Path.Combine(TestPaths.Repo, "samples", "showcase", "massoud-has-not-fled.txt");

    [Fact]
    public async Task Analyze_Showcase_Json_RemovesJunkLineAndKeepsOffsets()
    {
        var (exit, stdout, stderr) = await CliRun.Invoke("analyze", Showcase, "--published", "2021-09-13", "--format", "json");

        exit.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        var text = root.GetProperty("text").GetString()!;
        text.ShouldNotContain("This block is broken or missing");
        text[..72].ShouldBe("Allies say Afghan resistance leader Ahmad Massoud has not fled to Turkey");
        text.Substring(2348, 19).ShouldBe("Abdul Rashid Dostum");
        root.GetProperty("title").GetString().ShouldBe(text[..72]);
        root.GetProperty("published").GetString().ShouldBe("2021-09-13");
        root.GetProperty("status").GetString().ShouldBe("analyzed");
        root.GetProperty("models").GetArrayLength().ShouldBeGreaterThan(0);
        root.GetProperty("removedLines")[0].GetString()!.ShouldStartWith("This block is broken");
        stderr.ShouldBeEmpty();
    }

    [Fact]
    public async Task Analyze_Text_PrintsTitleFirst()
    {
        var (exit, stdout, _) = await CliRun.Invoke("analyze", Showcase, "--published", "2021-09-13");
        exit.ShouldBe(0);
        stdout.ShouldStartWith("Allies say Afghan resistance leader Ahmad Massoud has not fled to Turkey");
    }

    [Theory]
    [InlineData("missing", "no such file")]
    [InlineData("empty", "file is empty")]
    [InlineData("binary", "binary")]
    [InlineData("undecodable", "invalid utf-8")]
    public async Task Analyze_BadInput_OneLineNamingFile_NonZeroExit(string kind, string reason)
    {
        var path = kind switch
        {
            "missing" => Path.Combine(_dir, "absent.txt"),
            "empty" => Write("empty.txt", []),
            "binary" => Write("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]),
            // A UTF-8 byte-order mark followed by bytes that are not UTF-8: the file contradicts itself.
            _ => Write("bad.txt", [0xEF, 0xBB, 0xBF, 0x41, 0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC]),
        };

        var (exit, stdout, stderr) = await CliRun.Invoke("analyze", path);

        exit.ShouldBe(1);
        stdout.ShouldBeEmpty();
        var line = stderr.Trim();
        line.Split('\n').Length.ShouldBe(1, stderr);
        line.ShouldContain(path);
        line.ShouldContain(reason);
    }

    [Fact]
    public async Task Analyze_OversizedFile_IsRefusedWithTheLimit()
    {
        var path = Path.Combine(_dir, "huge.txt");
        using (var f = File.Create(path))
        {
            f.SetLength((50L * 1024 * 1024) + 1);
        }

        var (exit, _, stderr) = await CliRun.Invoke("analyze", path);

        exit.ShouldBe(1);
        stderr.ShouldContain(path);
        stderr.ShouldContain("50 MB limit");
    }

    [Fact]
    public async Task Analyze_BatchWithOneBadFile_ProcessesTheRestAndSucceeds()
    {
        Write("good.txt", Encoding.UTF8.GetBytes("Officials said the bridge was closed.\n"));
        Write("zero.txt", []);

        var (exit, stdout, stderr) = await CliRun.Invoke("analyze", _dir, "--format", "jsonl");

        exit.ShouldBe(0);
        stdout.Trim().Split('\n').Length.ShouldBe(1);
        JsonDocument.Parse(stdout).RootElement.GetProperty("text").GetString().ShouldBe("Officials said the bridge was closed.\n");
        stderr.ShouldContain("zero.txt: file is empty");
        stderr.ShouldContain("1 analysed, 1 could not be read");
    }

    [Fact]
    public async Task Analyze_BadPublishedDate_IsAUsageError()
    {
        var (exit, _, stderr) = await CliRun.Invoke("analyze", Showcase, "--published", "13/09/2021");
        exit.ShouldBe(2);
        stderr.ShouldContain("--published '13/09/2021' is not a date");
    }

    [Fact]
    public async Task Eval_UnknownTask_IsAUsageError()
    {
        var (exit, _, stderr) = await CliRun.Invoke("eval", "nonsense", "--data", _dir);
        exit.ShouldBe(2);
        stderr.ShouldContain("unknown task 'nonsense'");
    }

    [Fact]
    public async Task Analyze_GermanText_IsReportedUnsupported_NotAnalysed()
    {
        var path = Write("de.txt", Encoding.UTF8.GetBytes("Regierung weist Bericht zurück\n\nDer Sprecher der Regierung sagte am Montag, dass die Brücke nicht geschlossen werde. Die Opposition hatte zuvor behauptet, die Arbeiten seien noch nicht abgeschlossen und es gebe keine Genehmigung für den Verkehr.\n"));

        var (exit, stdout, _) = await CliRun.Invoke("analyze", path, "--format", "json");

        exit.ShouldBe(0);
        var root = JsonDocument.Parse(stdout).RootElement;
        root.GetProperty("language").GetString().ShouldBe("de");
        root.GetProperty("status").GetString().ShouldBe("unsupportedLanguage");
        root.GetProperty("statusReason").GetString()!.ShouldContain("'de'");
        root.TryGetProperty("attributions", out var a).ShouldBeTrue();
        a.GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Analyze_NoDateGiven_InfersItFromTheDateline_WithConfidence()
    {
        var path = Write("wire.txt", Encoding.UTF8.GetBytes("Bridge reopens after repairs\n\nMarch 3, 2024\n\nThe transport ministry said on Friday that the bridge had reopened.\n"));

        var (exit, stdout, _) = await CliRun.Invoke("analyze", path, "--format", "json");

        exit.ShouldBe(0);
        var root = JsonDocument.Parse(stdout).RootElement;
        root.GetProperty("published").GetString().ShouldBe("2024-03-03");
        root.GetProperty("publishedOrigin").GetString().ShouldBe("text");
        root.GetProperty("publishedConfidence").GetDouble().ShouldBeInRange(0.5, 0.99);
        root.GetProperty("times").EnumerateArray().ShouldContain(t => t.GetProperty("text").GetString() == "Friday" && t.GetProperty("value").GetString() == "2024-03-01");
    }

    [Fact]
    public async Task Analyze_EveryStage_IsRecordedOnce()
    {
        var (_, stdout, _) = await CliRun.Invoke("analyze", Showcase, "--format", "json");
        var stages = JsonDocument.Parse(stdout).RootElement.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("stage").GetString()).ToList();
        stages.Count.ShouldBe(stages.Distinct().Count());
        stages.Count.ShouldBeGreaterThanOrEqualTo(8);
    }
}
