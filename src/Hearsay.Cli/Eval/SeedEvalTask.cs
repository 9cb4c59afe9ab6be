using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hearsay.Attribution.Evaluation;
using Hearsay.Cli.Analysis;
using Hearsay.Core.Documents;
using Hearsay.Core.Evaluation;

namespace Hearsay.Cli.Eval;

/// <summary>
/// <c>hearsay eval seed --data GOLD.json</c>: analyses the gold's <c>document</c> (next to it) with
/// the full pipeline, given the gold's <c>published</c> date, and scores it with <see cref="SeedScorer"/>.
/// </summary>
public sealed class SeedEvalTask : IEvalTask
{
    private readonly Func<string, DateOnly?, Document> _analyze;

    public SeedEvalTask()
        : this(AnalysisPipelineFactory.AnalyzeFile)
    {
    }

    public SeedEvalTask(Func<string, DateOnly?, Document> analyze) => _analyze = analyze;

    public string Name => "seed";

    public string Description => "The showcase article against its hand annotation: attributions, resolutions, chains, entities, times, boilerplate.";

    public EvalReport Run(string data, CancellationToken cancellationToken)
    {
        if (!File.Exists(data))
        {
            throw new CliException($"{data}: gold file not found");
        }

        JsonNode gold;
        try
        {
            gold = JsonNode.Parse(File.ReadAllText(data)) ?? throw new CliException($"{data}: empty gold file");
        }
        catch (JsonException e)
        {
            throw new CliException($"{data}: not JSON ({e.Message})");
        }

        var docName = gold["document"]?.GetValue<string>() ?? throw new CliException($"{data}: no \"document\" field naming the text file");
        var docPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(data))!, docName);
        DateOnly? published = null;
        if (gold["published"]?.GetValue<string>() is { } p)
        {
            if (!DateOnly.TryParseExact(p, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                throw new CliException($"{data}: \"published\" is not a yyyy-MM-dd date: {p}");
            }

            published = d;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var doc = _analyze(docPath, published);
        var score = SeedScorer.Score(doc, gold);
        var report = new EvalReport("seed", data, (gold["attributions"] as JsonArray)?.Count ?? 0);
        foreach (var (k, v) in score.Metrics)
        {
            report.Metrics[k] = v;
        }

        report.Details.AddRange(score.Details);
        return report;
    }
}
