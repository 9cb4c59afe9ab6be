using System.Text;

namespace Hearsay.Cli.Tests;

[Collection("cli")]
public sealed class IngestCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hearsay-ingest-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Ingest_SameDocumentTwice_IsStoredOnce()
    {
        var db = Path.Combine(_dir, "h.db");
        var input = Path.Combine(_dir, "a.txt");
        await File.WriteAllTextAsync(input, "Officials said the bridge was closed.\n", Encoding.UTF8);

        var first = await CliRun.Invoke("ingest", input, "--db", db);
        var second = await CliRun.Invoke("ingest", input, "--db", db);
        var list = await CliRun.Invoke("list", "--db", db, "--format", "jsonl");

        first.Exit.ShouldBe(0, first.Err);
        first.Out.ShouldStartWith("stored");
        second.Exit.ShouldBe(0, second.Err);
        second.Out.ShouldStartWith("already stored");
        list.Out.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public async Task Ingest_NotADatabase_FailsWithOneLineNamingIt()
    {
        var db = Path.Combine(_dir, "notdb.db");
        await File.WriteAllTextAsync(db, "this is not a sqlite file, just some text that is long enough to look like a header.......");
        var input = Path.Combine(_dir, "a.txt");
        await File.WriteAllTextAsync(input, "Officials said the bridge was closed.\n");

        var (exit, _, stderr) = await CliRun.Invoke("ingest", input, "--db", db);

        exit.ShouldBe(1);
        stderr.ShouldContain(db);
    }
}
