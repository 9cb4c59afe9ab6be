using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Hearsay.Cli.Analysis;
using Hearsay.Core.Serialization;
using Hearsay.Ingest.Files;

namespace Hearsay.Cli.Commands;

/// <summary><c>hearsay analyze PATH... [--published DATE] [--format text|json|jsonl]</c>.</summary>
public static class AnalyzeCommand
{
    public static Option<string?> PublishedOption() => new("--published")
    {
        Description = "Publication date (YYYY-MM-DD) to resolve relative dates against; overrides what the page says.",
    };

    public static DateOnly? ParsePublished(string? value) =>
        value is null ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new CliException($"--published '{value}' is not a date in the form YYYY-MM-DD.");

    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "A .txt or .html file, or a folder of them.", Arity = ArgumentArity.OneOrMore };
        var published = PublishedOption();
        var format = CommonOptions.Format();
        var cmd = new Command("analyze", "Analyse articles and print who said what, according to whom.") { paths, published, format };
        cmd.SetAction((parse, ct) => CliRunner.GuardAsync("analyze", async () =>
        {
            DateOnly? date;
            try
            {
                date = ParsePublished(parse.GetValue(published));
            }
            catch (CliException e)
            {
                await Console.Error.WriteLineAsync("hearsay analyze: " + e.Message).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var fmt = parse.GetValue(format);
            var reader = new InputReader();
            var files = reader.Expand(parse.GetValue(paths)!).ToList();
            // Models load on the first readable file, so that bad input is reported even when a model is broken.
            var analyzer = new Lazy<Analyzer>(AnalysisPipelineFactory.Create);
            int ok = 0, bad = 0;
            var results = new List<DocumentResult>();
            await BatchProgress.RunAsync("analyze", files.Count, async tick =>
            {
                foreach (var file in files)
                {
                    ct.ThrowIfCancellationRequested();
                    var read = reader.Read(file);
                    if (read.Problem is { } problem)
                    {
                        await Console.Error.WriteLineAsync("hearsay analyze: " + problem).ConfigureAwait(false);
                        bad++;
                    }
                    else
                    {
                        var doc = analyzer.Value.Analyze(read.Input!, date, ct);
                        var result = DocumentResultMapper.ToResult(doc);
                        ok++;
                        if (fmt == OutputFormat.Json && files.Count == 1)
                        {
                            results.Add(result);
                        }
                        else
                        {
                            await WriteAsync(result, fmt).ConfigureAwait(false);
                        }
                    }

                    tick();
                }
            }).ConfigureAwait(false);

            foreach (var r in results)
            {
                await Console.Out.WriteLineAsync(JsonSerializer.Serialize(r, HearsayJson.Indented)).ConfigureAwait(false);
            }

            if (files.Count > 1)
            {
                await Console.Error.WriteLineAsync($"hearsay analyze: {ok} analysed, {bad} could not be read.").ConfigureAwait(false);
            }

            return ok == 0 ? ExitCodes.Failed : ExitCodes.Ok;
        }));
        return cmd;
    }

    private static async Task WriteAsync(DocumentResult result, OutputFormat format)
    {
        if (format == OutputFormat.Text)
        {
            await Console.Out.WriteLineAsync(DocumentTextRenderer.Render(result)).ConfigureAwait(false);
        }
        else
        {
            // Several documents in json or jsonl: one object per line.
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(result, HearsayJson.Options)).ConfigureAwait(false);
        }
    }
}
