using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hearsay.Extraction.Evaluation;
using Hearsay.Extraction.Html;

namespace Hearsay.Bench;

/// <summary>
/// <c>Hearsay.Bench extraction --data DIR [--json] [--passes N] [--systems hearsay,smartreader,parse-only]</c>: runs
/// Hearsay's extractor and SmartReader 0.11.1 on the same pages in one process, pinned to one core, and prints body
/// P/R/F1, title/author/date accuracy, speed and memory for each. Pages are decoded into memory first so that only
/// extraction is timed. Speed is reported twice: the cold first pass (JIT and tiered compilation included, what a
/// one-shot CLI run sees) and the steady state (passes 3..N, after pass 2 has let tiered compilation promote the hot
/// code of every system), which is what a long-running ingest sees. Every pass extracts every page anew; nothing
/// is cached across passes.
/// </summary>
public static class ExtractionBench
{
    // Pass 1 is cold; pass 2 only warms; passes 3..N are the steady state.
    private const int DefaultPasses = 5;
    private const int FirstSteadyPass = 2;

    public static int Run(string[] args)
    {
        if (args.Length < 3 || args[0] != "extraction" || args[1] != "--data")
        {
            Console.Error.WriteLine("usage: Hearsay.Bench extraction --data DIR [--json] [--passes N (>= 3)] [--systems hearsay,smartreader,parse-only]");
            return 2;
        }

        var dir = args[2];
        var json = args.Contains("--json");
        var passesAt = Array.IndexOf(args, "--passes");
        var passes = passesAt > 0 && passesAt + 1 < args.Length ? int.Parse(args[passesAt + 1], CultureInfo.InvariantCulture) : DefaultPasses;
        if (passes <= FirstSteadyPass)
        {
            Console.Error.WriteLine($"bench extraction: --passes must be at least {FirstSteadyPass + 1} (cold, warm-up, steady)");
            return 2;
        }

        var systemsAt = Array.IndexOf(args, "--systems");
        var only = systemsAt > 0 && systemsAt + 1 < args.Length ? args[systemsAt + 1].Split(',') : null;
        IReadOnlyList<ExtractionEvalPage> pages;
        try
        {
            pages = ExtractionGold.Load(dir);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or JsonException)
        {
            Console.Error.WriteLine($"bench extraction: {dir}: {e.Message}");
            return 1;
        }

        PinToOneCore();
        var htmls = pages.Select(p => HtmlDecoder.Decode(File.ReadAllBytes(p.HtmlPath))).ToArray();
        Console.Error.WriteLine($"{pages.Count} pages, {htmls.Sum(h => (long)h.Length) / 1e6:F1} M chars, {Environment.ProcessorCount} CPUs visible, affinity 1 core, {passes} passes");

        var hearsay = new HtmlArticleExtractor();
        var systems = new (string Name, Func<string, Uri?, ExtractedFields> Run)[]
        {
            ("hearsay", (html, url) => ExtractionEvaluator.Fields(hearsay.Extract(html, url))),
            ("smartreader", SmartReaderFields),

            // Reference floor: AngleSharp's parse alone with default options (what SmartReader starts from).
            ("parse-only", ParseOnly),
        };
        if (only is not null)
        {
            systems = [.. systems.Where(s => only.Contains(s.Name))];
        }

        var results = MeasureInterleaved(systems, pages, htmls, passes);
        var summary = new Dictionary<string, object?>
        {
            ["data"] = dir,
            ["pages"] = pages.Count,
            ["passes"] = passes,
            ["systems"] = results,
        };
        if (results.Count >= 2 && results[0]["system"] is "hearsay" && results[1]["system"] is "smartreader")
        {
            summary["speedup"] = Math.Round((double)results[0]["pagesPerSecond"]! / (double)results[1]["pagesPerSecond"]!, 2);
            summary["coldSpeedup"] = Math.Round((double)results[0]["coldPagesPerSecond"]! / (double)results[1]["coldPagesPerSecond"]!, 2);
        }

        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(summary));
        }
        else
        {
            Console.Out.WriteLine($"{"system",-12} {"P",7} {"R",7} {"F1",7} {"title",7} {"author",7} {"date",7} {"cold p/cpu-s",13} {"steady p/cpu-s",15} {"steady p/wall-s",16} {"alloc MB/page",14} {"peak heap MB",13}");
            foreach (var r in results)
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r["system"],-12} {Fmt(r, "precision"),7} {Fmt(r, "recall"),7} {Fmt(r, "f1"),7} {Fmt(r, "title"),7} {Fmt(r, "author"),7} {Fmt(r, "date"),7} {r["coldPagesPerSecond"],13} {r["pagesPerSecond"],15} {r["pagesPerWallSecond"],16} {r["allocatedMBPerPage"],14} {r["peakManagedHeapMB"],13}"));
            }

            if (summary.TryGetValue("speedup", out var speedup))
            {
                Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"speedup hearsay / smartreader, pages per CPU-second on one core: steady state (passes {FirstSteadyPass + 1}-{passes}) {speedup}x, cold first pass {summary["coldSpeedup"]}x"));
            }

            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"peak working set (whole process: all systems + the pages in memory): {results[^1]["peakWorkingSetMB"]} MB"));
        }

        return 0;
    }

    private static string Fmt(Dictionary<string, object?> r, string key)
        => r.TryGetValue(key, out var v) && v is double d ? d.ToString("F4", CultureInfo.InvariantCulture) : "-";

    /// <summary>
    /// Runs the systems alternately on chunks of pages so that load from other processes on a shared machine falls
    /// on both alike. Speed is pages per CPU-second of this process (pinned to one core, non-concurrent GC, so
    /// GC work and background JIT are included) and, for reference, per wall-clock second. Memory: bytes allocated
    /// per page in the steady passes (GC.GetTotalAllocatedBytes, exact per system) and the largest managed-heap
    /// growth within one chunk after a full collection (a per-system peak); the process-wide peak working set covers
    /// all systems and the loaded pages. Scores come from the cold pass (every pass gives the same output).
    /// </summary>
    private static List<Dictionary<string, object?>> MeasureInterleaved(
        (string Name, Func<string, Uri?, ExtractedFields> Run)[] systems, IReadOnlyList<ExtractionEvalPage> pages, string[] htmls, int passes)
    {
        const int Chunk = 25;
        var n = systems.Length;
        var got = new ExtractedFields?[n][];
        var coldCpu = new TimeSpan[n];
        var cpu = new TimeSpan[n];
        var wall = new TimeSpan[n];
        var allocated = new long[n];
        var peakHeap = new long[n];
        for (var s = 0; s < n; s++)
        {
            got[s] = new ExtractedFields?[pages.Count];
        }

        using var proc = Process.GetCurrentProcess();
        for (var pass = 0; pass < passes; pass++)
        {
            var steady = pass >= FirstSteadyPass;
            for (var start = 0; start < htmls.Length; start += Chunk)
            {
                var end = Math.Min(start + Chunk, htmls.Length);
                for (var s = 0; s < n; s++)
                {
                    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
                    var baseHeap = GC.GetTotalMemory(forceFullCollection: false);
                    var alloc0 = GC.GetTotalAllocatedBytes(precise: true);
                    proc.Refresh();
                    var cpu0 = proc.TotalProcessorTime;
                    var sw = Stopwatch.StartNew();
                    for (var i = start; i < end; i++)
                    {
                        var fields = Safe(systems[s].Run, htmls[i], pages[i].Url);
                        if (pass == 0)
                        {
                            got[s][i] = fields;
                        }

                        peakHeap[s] = Math.Max(peakHeap[s], GC.GetTotalMemory(forceFullCollection: false) - baseHeap);
                    }

                    sw.Stop();
                    proc.Refresh();
                    var used = proc.TotalProcessorTime - cpu0;
                    if (pass == 0)
                    {
                        coldCpu[s] += used;
                    }
                    else if (steady)
                    {
                        cpu[s] += used;
                        wall[s] += sw.Elapsed;
                        allocated[s] += GC.GetTotalAllocatedBytes(precise: true) - alloc0;
                    }
                }
            }
        }

        proc.Refresh();
        var results = new List<Dictionary<string, object?>>();
        var steadyPages = pages.Count * (passes - FirstSteadyPass);
        for (var s = 0; s < n; s++)
        {
            var scores = new ExtractionScores();
            for (var i = 0; i < pages.Count; i++)
            {
                scores.Add(pages[i], got[s][i]);
            }

            var m = scores.ToMetrics();
            m["system"] = systems[s].Name;
            m["coldCpuSeconds"] = Math.Round(coldCpu[s].TotalSeconds, 3);
            m["coldPagesPerSecond"] = Math.Round(pages.Count / coldCpu[s].TotalSeconds, 1);
            m["cpuSeconds"] = Math.Round(cpu[s].TotalSeconds, 3);
            m["wallSeconds"] = Math.Round(wall[s].TotalSeconds, 3);
            m["pagesPerSecond"] = Math.Round(steadyPages / cpu[s].TotalSeconds, 1);
            m["pagesPerWallSecond"] = Math.Round(steadyPages / wall[s].TotalSeconds, 1);
            m["allocatedMBPerPage"] = Math.Round(allocated[s] / 1e6 / steadyPages, 2);
            m["peakManagedHeapMB"] = Math.Round(peakHeap[s] / 1e6, 1);
            m["peakWorkingSetMB"] = Math.Round(proc.PeakWorkingSet64 / 1e6, 1);
            results.Add(m);
        }

        return results;
    }

    private static ExtractedFields? Safe(Func<string, Uri?, ExtractedFields> run, string html, Uri? url)
    {
        try
        {
            return run(html, url);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    private static readonly AngleSharp.Html.Parser.HtmlParser DefaultParser = new();

    private static ExtractedFields ParseOnly(string html, Uri? url)
    {
        using var doc = DefaultParser.ParseDocument(html);
        return new ExtractedFields(string.Empty, null, null, null);
    }

    /// <summary>SmartReader on an in-memory page: GetArticle (never ParseArticle, which downloads).</summary>
    private static ExtractedFields SmartReaderFields(string html, Uri? url)
    {
        var article = new SmartReader.Reader((url ?? new Uri("https://example.com/page")).ToString(), html).GetArticle();
        var author = string.IsNullOrWhiteSpace(article.Byline) ? article.Author : article.Byline;
        var date = article.PublicationDate is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        return new ExtractedFields(article.IsReadable ? article.TextContent ?? string.Empty : string.Empty, article.Title, author, date);
    }

    private static void PinToOneCore()
    {
        try
        {
            if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
            {
                using var p = Process.GetCurrentProcess();
                p.ProcessorAffinity = 1;
            }
        }
        catch (Exception e) when (e is PlatformNotSupportedException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            Console.Error.WriteLine("could not pin to one core: " + e.Message);
        }
    }
}
