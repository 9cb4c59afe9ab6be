using Hearsay.Core.Evaluation;
using Hearsay.Extraction.Evaluation;
using Hearsay.Extraction.Html;

namespace Hearsay.Cli.Eval;

/// <summary>
/// <c>hearsay eval extraction --data DIR</c>: body snippet P/R/F1 and title/author/date exact-match accuracy on
/// trafilatura's evaluation layout or Mozilla Readability's test-pages layout.
/// </summary>
public sealed class ExtractionEvalTask : IEvalTask
{
    public string Name => "extraction";

    public string Description => "Article extraction: body snippet P/R/F1 and title/author/date accuracy (trafilatura-eval or readability test-pages layout).";

    public EvalReport Run(string data, CancellationToken cancellationToken)
    {
        IReadOnlyList<ExtractionEvalPage> pages;
        try
        {
            pages = ExtractionGold.Load(data);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            throw new CliException($"{data}: {e.Message}");
        }

        var extractor = new HtmlArticleExtractor();
        var report = new EvalReport(Name, data, pages.Count);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var scores = ExtractionEvaluator.Run(
            pages,
            (html, url) => ExtractionEvaluator.Fields(extractor.Extract(html, url)),
            report.Details.Add,
            cancellationToken);
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
        foreach (var (k, v) in scores.ToMetrics())
        {
            report.Metrics[k] = v;
        }

        report.Metrics["pagesPerSecond"] = Math.Round(pages.Count / Math.Max(seconds, 1e-9), 1);
        return report;
    }
}
