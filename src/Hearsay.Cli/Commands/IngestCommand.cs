using System.CommandLine;
using System.Text.Json;
using Hearsay.Cli.Analysis;
using Hearsay.Core.Serialization;
using Hearsay.Core.Storage;
using Hearsay.Ingest.Files;
using Hearsay.Storage;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay ingest PATH... [--db FILE]</c>: analyse and store. Idempotent (a document already stored
/// is skipped before analysis, so re-running after a kill resumes where it stopped) and atomic per
/// document (the store writes each document in one transaction).
/// </summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("path") { Description = "A .txt or .html file, or a folder of them.", Arity = ArgumentArity.OneOrMore };
        var db = CommonOptions.Db();
        var published = AnalyzeCommand.PublishedOption();
        var format = CommonOptions.Format();
        var cmd = new Command("ingest", "Analyse articles and store them in the database.") { paths, db, published, format };
        cmd.SetAction((parse, ct) => CliRunner.GuardAsync("ingest", async () =>
        {
            DateOnly? date;
            try
            {
                date = AnalyzeCommand.ParsePublished(parse.GetValue(published));
            }
            catch (CliException e)
            {
                await Console.Error.WriteLineAsync("hearsay ingest: " + e.Message).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            var dbPath = CommonOptions.ResolveDb(parse.GetValue(db));
            var fmt = parse.GetValue(format);
            IDocumentStore store;
            try
            {
                store = SqliteDocumentStore.Open(dbPath);
            }
            catch (StoreException e)
            {
                await Console.Error.WriteLineAsync("hearsay ingest: " + e.Message).ConfigureAwait(false);
                return ExitCodes.Failed;
            }

            using (store)
            {
                var reader = new InputReader();
                var files = reader.Expand(parse.GetValue(paths)!).ToList();
                // Models load on the first readable file, so that bad input is reported even when a model is broken.
                var analyzer = new Lazy<Analyzer>(AnalysisPipelineFactory.Create);
                int stored = 0, skipped = 0, bad = 0;
                await BatchProgress.RunAsync("ingest", files.Count, async tick =>
                {
                    foreach (var file in files)
                    {
                        if (ct.IsCancellationRequested)
                        {
                            break;
                        }

                        var read = reader.Read(file);
                        if (read.Problem is { } problem)
                        {
                            await Console.Error.WriteLineAsync("hearsay ingest: " + problem).ConfigureAwait(false);
                            bad++;
                            tick();
                            continue;
                        }

                        var doc = analyzer.Value.Prepare(read.Input!, date);
                        string outcome;
                        if (await store.ContainsAsync(doc.Id, ct).ConfigureAwait(false))
                        {
                            skipped++;
                            outcome = "already stored";
                        }
                        else
                        {
                            analyzer.Value.Analyze(doc, ct);
                            var result = DocumentResultMapper.ToResult(doc);
                            outcome = await store.SaveAsync(result, ct).ConfigureAwait(false) ? "stored" : "already stored";
                            if (outcome == "stored")
                            {
                                stored++;
                            }
                            else
                            {
                                skipped++;
                            }
                        }

                        await Report(fmt, file, doc.Id, doc.Metadata.Title, doc.Status.ToString(), doc.Attributions.Count, outcome).ConfigureAwait(false);
                        tick();
                    }
                }).ConfigureAwait(false);

                await Console.Error.WriteLineAsync($"hearsay ingest: {stored} stored, {skipped} already stored, {bad} could not be read ({dbPath}).").ConfigureAwait(false);
                return stored + skipped == 0 && files.Count > 0 ? ExitCodes.Failed : ExitCodes.Ok;
            }
        }));
        return cmd;
    }

    private static Task Report(OutputFormat format, string path, string id, string? title, string status, int attributions, string outcome)
    {
        if (format == OutputFormat.Text)
        {
            return Console.Out.WriteLineAsync($"{outcome,-15} {id}  {attributions,3} attributions  {title ?? path}");
        }

        var line = JsonSerializer.Serialize(new { path, id, title, status = status.ToLowerInvariant(), attributions, outcome }, HearsayJson.Options);
        return Console.Out.WriteLineAsync(line);
    }
}
