using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Hearsay.Core.Serialization;
using Hearsay.Core.Storage;
using Hearsay.Storage;
using Hearsay.Web;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Hearsay.Cli.Commands;

/// <summary>
/// The verbs that read the store: <c>list</c>, <c>show ID</c>, <c>search QUERY</c>, and <c>serve</c> (the HTTP API).
/// JSON output has the same shapes as the API's responses.
/// </summary>
public static class StoreCommands
{
    private const int ShortIdLength = 4;

    /// <summary><c>hearsay list [--db FILE] [--offset N] [--limit N] [--format ...]</c>.</summary>
    public static Command CreateList()
    {
        var db = CommonOptions.Db();
        var format = CommonOptions.Format();
        var offset = new Option<int>("--offset") { Description = "Documents to skip.", DefaultValueFactory = _ => 0 };
        var limit = new Option<int>("--limit") { Description = "Most documents to print (1-" + HearsayApi.MaxLimit + ").", DefaultValueFactory = _ => HearsayApi.DefaultLimit };
        var cmd = new Command("list", "List the stored documents, in the order they were stored.") { db, offset, limit, format };
        cmd.SetAction(parse => StoredVerb.Run("list", async () =>
        {
            int skip = parse.GetValue(offset);
            int take = parse.GetValue(limit);
            if (skip < 0)
            {
                throw new CliException($"--offset {skip}: must be 0 or more.");
            }

            CheckLimit(take);
            using var store = StoredVerb.OpenExisting(CommonOptions.ResolveDb(parse.GetValue(db)));
            var page = new DocumentPage(await store.CountAsync(), skip, take, await store.ListAsync(skip, take));
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    WriteJson(page);
                    break;
                case OutputFormat.Jsonl:
                    WriteJsonLines(page.Items);
                    break;
                default:
                    WriteTable(page);
                    break;
            }

            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary><c>hearsay show ID [--db FILE] [--format ...]</c>: one document with its analysis.</summary>
    public static Command CreateShow()
    {
        var id = new Argument<string>("id") { Description = "The document id (a unique prefix of 4 or more characters is enough)." };
        var db = CommonOptions.Db();
        var format = CommonOptions.Format();
        var cmd = new Command("show", "Show one stored document: title, attributions with their chains, entities.") { id, db, format };
        cmd.SetAction(parse => StoredVerb.Run("show", async () =>
        {
            var path = CommonOptions.ResolveDb(parse.GetValue(db));
            using var store = StoredVerb.OpenExisting(path);
            var wanted = parse.GetValue(id)!.Trim();
            var document = await store.GetAsync(wanted) ?? await FindByPrefixAsync(store, wanted, path);
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    WriteJson(document);
                    break;
                case OutputFormat.Jsonl:
                    Console.Out.WriteLine(JsonSerializer.Serialize(document, HearsayJson.Options));
                    break;
                default:
                    DocumentTextRenderer.Render(document, Console.Out);
                    break;
            }

            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary><c>hearsay search QUERY [--db FILE] [--limit N] [--format ...]</c>: full-text search.</summary>
    public static Command CreateSearch()
    {
        var query = new Argument<string>("query") { Description = "Words to find in document text and attribution content; a trailing * matches a prefix." };
        var db = CommonOptions.Db();
        var format = CommonOptions.Format();
        var limit = new Option<int>("--limit") { Description = "Most matches to print (1-" + HearsayApi.MaxLimit + ").", DefaultValueFactory = _ => 20 };
        var cmd = new Command("search", "Search the stored documents' text and attribution content.") { query, db, limit, format };
        cmd.SetAction(parse => StoredVerb.Run("search", async () =>
        {
            var q = parse.GetValue(query)!;
            if (string.IsNullOrWhiteSpace(q))
            {
                throw new CliException("the query is empty; give at least one word.");
            }

            int take = parse.GetValue(limit);
            CheckLimit(take);
            using var store = StoredVerb.OpenExisting(CommonOptions.ResolveDb(parse.GetValue(db)));
            var results = new SearchResults(q, await store.SearchAsync(q, take));
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    WriteJson(results);
                    break;
                case OutputFormat.Jsonl:
                    WriteJsonLines(results.Items);
                    break;
                default:
                    foreach (var hit in results.Items)
                    {
                        Console.Out.WriteLine($"{hit.DocumentId}  {hit.Field,-11}  {hit.Title ?? "(untitled)"}");
                        Console.Out.WriteLine("    " + hit.Snippet);
                    }

                    Console.Error.WriteLine(results.Items.Count == 1 ? "1 match." : $"{results.Items.Count} matches.");
                    break;
            }

            return ExitCodes.Ok;
        }));
        return cmd;
    }

    /// <summary><c>hearsay serve [--db FILE] [--urls URL]</c>: the JSON HTTP API until Ctrl+C.</summary>
    public static Command CreateServe()
    {
        var db = CommonOptions.Db();
        var urls = new Option<string>("--urls")
        {
            Description = "Where to listen; several URLs separated by ';'. Loopback only unless you name another address.",
            DefaultValueFactory = _ => HearsayApi.DefaultUrl,
        };
        var cmd = new Command("serve", "Serve the store as a JSON HTTP API with OpenAPI (/openapi/v1.json).") { db, urls };
        cmd.SetAction((parse, ct) => Task.FromResult(StoredVerb.Run("serve", async () =>
        {
            var listen = ParseUrls(parse.GetValue(urls)!);
            var path = CommonOptions.ResolveDb(parse.GetValue(db));
            bool existed = File.Exists(path);
            using var store = SqliteDocumentStore.Open(path);
            if (!existed)
            {
                Console.Error.WriteLine($"hearsay serve: {path} did not exist; serving a new, empty database.");
            }

            await using var app = HearsayApi.CreateApp(store, listen);
            await app.StartAsync(ct);
            Console.Error.WriteLine(
                $"hearsay serve: {path} ({await store.CountAsync(ct)} documents) on {string.Join(", ", listen)}; " +
                $"OpenAPI at {listen[0].TrimEnd('/')}/openapi/v1.json. Ctrl+C stops.");
            try
            {
                await app.WaitForShutdownAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
            }

            await app.StopAsync(CancellationToken.None);
            return ExitCodes.Ok;
        })));
        return cmd;
    }

    private static async Task<DocumentResult> FindByPrefixAsync(IDocumentStore store, string prefix, string path)
    {
        if (prefix.Length >= ShortIdLength)
        {
            var matches = new List<string>();
            const int page = 500;
            for (int offset = 0; ; offset += page)
            {
                var batch = await store.ListAsync(offset, page);
                matches.AddRange(batch.Where(s => s.Id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).Select(s => s.Id));
                if (batch.Count < page || matches.Count > 1)
                {
                    break;
                }
            }

            if (matches.Count == 1)
            {
                return (await store.GetAsync(matches[0]))!;
            }

            if (matches.Count > 1)
            {
                throw new CliException($"{prefix}: matches several documents in {path} ({string.Join(", ", matches)}); give more of the id.");
            }
        }

        throw new CliException($"{prefix}: no document with this id in {path} (`hearsay list --db {path}` shows the ids).");
    }

    private static string[] ParseUrls(string value)
    {
        var urls = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            throw new CliException("--urls: give at least one URL, e.g. http://127.0.0.1:5080.");
        }

        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new CliException($"--urls '{url}': not an http:// or https:// URL (e.g. http://127.0.0.1:5080).");
            }
        }

        return urls;
    }

    private static void CheckLimit(int limit)
    {
        if (limit < 1 || limit > HearsayApi.MaxLimit)
        {
            throw new CliException($"--limit {limit}: must be between 1 and {HearsayApi.MaxLimit}.");
        }
    }

    private static void WriteJson<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, HearsayJson.Indented));

    private static void WriteJsonLines<T>(IEnumerable<T> values)
    {
        foreach (var value in values)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(value, HearsayJson.Options));
        }
    }

    private static void WriteTable(DocumentPage page)
    {
        string[] header = ["Id", "Published", "Status", "Attr", "Title"];
        var rows = page.Items.Select(d => new[]
        {
            d.Id,
            d.Published ?? "-",
            d.Status,
            d.Attributions.ToString(CultureInfo.InvariantCulture),
            d.Title ?? "(untitled)",
        }).ToList();

        if (Console.IsOutputRedirected)
        {
            // Piped output: plain columns, one document per line, for grep, cut and friends.
            var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
            foreach (var row in rows.Prepend(header))
            {
                Console.Out.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))));
            }
        }
        else
        {
            var table = new Table().Border(TableBorder.Rounded);
            foreach (var h in header)
            {
                // Only the title may wrap: ids must stay copyable.
                var column = new TableColumn(h);
                table.AddColumn(h switch
                {
                    "Title" => column,
                    "Attr" => column.RightAligned().NoWrap(),
                    _ => column.NoWrap(),
                });
            }

            foreach (var row in rows)
            {
                table.AddRow(row.Select(cell => new Text(cell)));
            }

            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) }).Write(table);
        }

        var shown = page.Items.Count == 0
            ? $"No documents shown; {page.Total} stored."
            : $"Documents {page.Offset + 1}-{page.Offset + page.Items.Count} of {page.Total}.";
        Console.Out.WriteLine(shown);
    }
}
