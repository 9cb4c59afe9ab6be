using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hearsay.Core.Serialization;
using Hearsay.Storage;
using Microsoft.Data.Sqlite;

namespace Hearsay.Cli.Tests;

/// <summary>The store verbs, run as a user runs them: the built <c>hearsay</c> in a child process.</summary>
public sealed class StoreCommandsTests : IDisposable
{
    private const string Id = "3f2a9c0d11e4b5a6c7d8e9f0";

    private readonly string folder = Path.Combine(Path.GetTempPath(), "hearsay-cli-store-" + Guid.NewGuid().ToString("N"));

    public StoreCommandsTests()
    {
        Directory.CreateDirectory(folder);
        using var store = SqliteDocumentStore.Open(DbPath);
        store.SaveAsync(Bridge()).GetAwaiter().GetResult();
        store.SaveAsync(Bridge() with { Id = "77aa00bb11cc22dd33ee44ff", Title = "Second note", Text = "A quiet day at the harbour.\n", Attributions = [], Entities = [] }).GetAwaiter().GetResult();
    }

    private string DbPath => Path.Combine(folder, "store.db");

    [Fact]
    public void List_prints_a_table_of_the_stored_documents()
    {
        var r = Hearsay("list", "--db", DbPath);
        r.Code.ShouldBe(0, r.Err);
        r.Out.ShouldContain(Id);
        r.Out.ShouldContain("Officials say the Kelan bridge will reopen in May");
        r.Out.ShouldContain("Documents 1-2 of 2.");
    }

    [Fact]
    public void List_as_json_is_one_page_object_and_as_jsonl_one_line_per_document()
    {
        var json = Hearsay("list", "--db", DbPath, "--format", "json");
        json.Code.ShouldBe(0, json.Err);
        var page = JsonNode.Parse(json.Out)!;
        page["total"]!.GetValue<int>().ShouldBe(2);
        page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).ShouldBe([Id, "77aa00bb11cc22dd33ee44ff"]);

        var jsonl = Hearsay("list", "--db", DbPath, "--format", "jsonl", "--offset", "1");
        jsonl.Code.ShouldBe(0, jsonl.Err);
        var lines = jsonl.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1);
        JsonNode.Parse(lines[0])!["title"]!.GetValue<string>().ShouldBe("Second note");
    }

    [Fact]
    public void The_database_defaults_to_HEARSAY_DB_then_hearsay_db_in_the_working_folder()
    {
        var viaEnv = Hearsay(["list", "--format", "jsonl"], env: ("HEARSAY_DB", DbPath));
        viaEnv.Code.ShouldBe(0, viaEnv.Err);
        viaEnv.Out.ShouldContain(Id);

        File.Copy(DbPath, Path.Combine(folder, "hearsay.db"));
        var inFolder = Hearsay(["list", "--format", "jsonl"], env: ("HEARSAY_DB", string.Empty));
        inFolder.Code.ShouldBe(0, inFolder.Err);
        inFolder.Out.ShouldContain(Id);
    }

    [Theory]
    [InlineData("list")]
    [InlineData("show", Id)]
    [InlineData("search", "bridge")]
    public void A_missing_database_is_one_clear_error_naming_it(params string[] verb)
    {
        var missing = Path.Combine(folder, "missing.db");
        var r = Hearsay([.. verb, "--db", missing]);
        r.Code.ShouldBe(1);
        r.Out.ShouldBeEmpty();
        r.Err.Trim().ShouldBe($"hearsay {verb[0]}: {missing}: no such database; store documents with `hearsay ingest PATH --db {missing}`, or name another with --db FILE or $HEARSAY_DB.");
        File.Exists(missing).ShouldBeFalse();
    }

    [Fact]
    public void A_file_that_is_not_a_database_is_one_clear_error()
    {
        var notes = Path.Combine(folder, "notes.txt");
        File.WriteAllText(notes, new string('x', 4096));
        var r = Hearsay("list", "--db", notes);
        r.Code.ShouldBe(1);
        r.Err.ShouldStartWith($"hearsay list: {notes}: is not a SQLite database");
        r.Err.ShouldNotContain("   at ");
        r.Err.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public void Show_prints_title_then_attributions_with_chains_then_entities()
    {
        var r = Hearsay("show", Id, "--db", DbPath);
        r.Code.ShouldBe(0, r.Err);
        var lines = r.Out.Split('\n');
        lines[0].ShouldBe("Officials say the Kelan bridge will reopen in May");
        r.Out.ShouldContain("A1  Officials [group] -> say -> \"the Kelan bridge will reopen in May\"");
        r.Out.ShouldContain("A2  \"The transport ministry\" [organization = Transport Ministry Q100] -> said -> \"repairs were finished\"");
        r.Out.ShouldContain("according to: \"an engineer\" [anonymous] (citing) <- \"Radio Kelan\" [media = Radio Kelan] (speaking to)");
        r.Out.ShouldContain("Entities (1)");
        r.Out.IndexOf("Attributions (2)", StringComparison.Ordinal).ShouldBeLessThan(r.Out.IndexOf("Entities (1)", StringComparison.Ordinal));
    }

    [Fact]
    public void Show_as_json_prints_the_stored_document_result()
    {
        var r = Hearsay("show", Id, "--db", DbPath, "--format", "json");
        r.Code.ShouldBe(0, r.Err);
        var back = JsonSerializer.Deserialize<DocumentResult>(r.Out, HearsayJson.Options)!;
        JsonSerializer.Serialize(back, HearsayJson.Options).ShouldBe(JsonSerializer.Serialize(Bridge(), HearsayJson.Options));

        var jsonl = Hearsay("show", Id, "--db", DbPath, "--format", "jsonl");
        jsonl.Out.TrimEnd('\n').ShouldBe(JsonSerializer.Serialize(Bridge(), HearsayJson.Options));
    }

    [Fact]
    public void Show_accepts_a_unique_id_prefix_and_rejects_an_unknown_id()
    {
        Hearsay("show", Id[..6], "--db", DbPath).Out.ShouldStartWith("Officials say");

        var r = Hearsay("show", "ffff0000", "--db", DbPath);
        r.Code.ShouldBe(1);
        r.Err.Trim().ShouldBe($"hearsay show: ffff0000: no document with this id in {DbPath} (`hearsay list --db {DbPath}` shows the ids).");
    }

    [Fact]
    public void Search_prints_matches_with_snippets()
    {
        var r = Hearsay("search", "harbour", "--db", DbPath);
        r.Code.ShouldBe(0, r.Err);
        r.Out.ShouldContain("77aa00bb11cc22dd33ee44ff  text");
        r.Out.ShouldContain("[harbour]");
        r.Out.ShouldNotContain(Id);

        var json = JsonNode.Parse(Hearsay("search", "repairs", "--db", DbPath, "--format", "json").Out)!;
        json["query"]!.GetValue<string>().ShouldBe("repairs");
        json["items"]!.AsArray().Select(i => i!["field"]!.GetValue<string>()).ShouldBe(["attribution", "text"], ignoreOrder: true);
    }

    [Theory]
    [InlineData("\"unbalanced (")]
    [InlineData("NOT")]
    [InlineData("*")]
    public void Search_accepts_any_query_text(string query)
    {
        var r = Hearsay("search", query, "--db", DbPath, "--format", "jsonl");
        r.Code.ShouldBe(0, r.Err);
    }

    [Theory]
    [InlineData("list", "--limit", "0")]
    [InlineData("list", "--offset", "-3")]
    [InlineData("search", "x", "--limit", "100000")]
    public void Out_of_range_numbers_are_a_clear_error(params string[] args)
    {
        var r = Hearsay([.. args, "--db", DbPath]);
        r.Code.ShouldBe(1);
        r.Err.ShouldStartWith($"hearsay {args[0]}: --");
    }

    [Fact]
    public void Serve_rejects_a_url_that_is_not_http()
    {
        var r = Hearsay("serve", "--db", DbPath, "--urls", "localhost:80");
        r.Code.ShouldBe(1);
        r.Err.Trim().ShouldBe("hearsay serve: --urls 'localhost:80': not an http:// or https:// URL (e.g. http://127.0.0.1:5080).");
    }

    [Fact]
    public void Serve_on_a_port_in_use_is_one_clear_error()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var r = Hearsay("serve", "--db", DbPath, "--urls", $"http://127.0.0.1:{port}");
        r.Code.ShouldBe(1);
        r.Err.Trim().ShouldBe($"hearsay serve: Failed to bind to address http://127.0.0.1:{port}: address already in use.");
    }

    [Fact]
    public async Task Serve_answers_the_api_until_stopped()
    {
        int port = FreePort();
        using var server = Start(["serve", "--db", DbPath, "--urls", $"http://127.0.0.1:{port}"], []);
        try
        {
            using var client = new HttpClient(new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            JsonNode? health = null;
            for (int attempt = 0; attempt < 150 && health is null; attempt++)
            {
                try
                {
                    health = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/health", UriKind.Relative)));
                }
                catch (HttpRequestException)
                {
                    if (server.HasExited)
                    {
                        throw new InvalidOperationException("hearsay serve exited: " + await server.StandardError.ReadToEndAsync());
                    }

                    await Task.Delay(100);
                }
            }

            health.ShouldNotBeNull();
            health["documents"]!.GetValue<int>().ShouldBe(2);
            using var doc = await client.GetAsync(new Uri("/api/documents/" + Id, UriKind.Relative));
            doc.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private (int Code, string Out, string Err) Hearsay(params string[] args) => Hearsay(args, env: null);

    private (int Code, string Out, string Err) Hearsay(string[] args, (string Name, string Value)? env)
    {
        using var p = Start(args, env is { } e ? [e] : []);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(60_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("hearsay " + string.Join(' ', args) + " did not finish in 60 s.");
        }

        return (p.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    private Process Start(string[] args, (string Name, string Value)[] env) => HearsayProcess.Start(folder, args, env);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static DocumentResult Bridge()
    {
        const string text = "Officials say the Kelan bridge will reopen in May\nThe transport ministry said that repairs were finished, citing an engineer speaking to Radio Kelan.\n";
        return new DocumentResult
        {
            Id = Id,
            Status = "analyzed",
            Language = "en",
            Title = "Officials say the Kelan bridge will reopen in May",
            Published = "2024-05-06",
            Text = text,
            Models = [new ModelVersionResult("attribution", "baseline-0.1")],
            Entities = [new EntityResult { Id = 0, GlobalId = "Q100", Name = "Transport Ministry", Type = "ORG", Mentions = [M(text, "The transport ministry")] }],
            Attributions =
            [
                new AttributionResult
                {
                    Id = "A1",
                    Source = new SourceResult(0, 9, "Officials", "group"),
                    Cue = S(text, "say"),
                    Content = [S(text, "the Kelan bridge will reopen in May")],
                    Form = "indirect",
                    Polarity = "affirmed",
                },
                new AttributionResult
                {
                    Id = "A2",
                    Source = new SourceResult(51, 73, "The transport ministry", "organization") { Entity = new EntityRefResult(0, "Transport Ministry") { GlobalId = "Q100" } },
                    Cue = S(text, "said"),
                    Content = [S(text, "repairs were finished")],
                    Form = "indirect",
                    Polarity = "affirmed",
                    Upstream =
                    [
                        new ChainLinkResult(S(text, "an engineer").Start, S(text, "an engineer").End, "an engineer", "anonymous") { Cue = S(text, "citing") },
                        new ChainLinkResult(S(text, "Radio Kelan").Start, S(text, "Radio Kelan").End, "Radio Kelan", "media") { Entity = new EntityRefResult(1, "Radio Kelan"), Cue = S(text, "speaking to") },
                    ],
                },
            ],
        };
    }

    private static SpanResult S(string text, string part)
    {
        int i = text.IndexOf(part, StringComparison.Ordinal);
        return new SpanResult(i, i + part.Length, part);
    }

    private static MentionResult M(string text, string part)
    {
        var s = S(text, part);
        return new MentionResult(s.Start, s.End, part, "name");
    }
}
