using System.Text.Json;

namespace Hearsay.Cli.Tests;

[Collection("cli")]
public sealed class EntityCommandsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hearsay-entities-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Entities_SamePersonInTwoArticles_IsOneEntityWithBothArticlesAndStatements()
    {
        var input = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        await File.WriteAllTextAsync(Path.Combine(input, "a.txt"), "Bridge reopens\n\nLina Ortiz, the transport minister, said on Monday that the bridge had reopened.\n");
        await File.WriteAllTextAsync(Path.Combine(input, "b.txt"), "Harbour closes\n\nLina Ortiz said the harbour would close for repairs, according to officials.\n");
        var db = Path.Combine(_dir, "e.db");
        (await CliRun.Invoke("ingest", input, "--db", db)).Exit.ShouldBe(0);

        var (exit, stdout, stderr) = await CliRun.Invoke("entities", "--db", db, "--format", "jsonl");

        exit.ShouldBe(0, stderr);
        var ortiz = stdout.Trim().Split('\n').Select(l => JsonDocument.Parse(l).RootElement)
            .Single(e => e.GetProperty("name").GetString() == "Lina Ortiz");
        ortiz.GetProperty("type").GetString().ShouldBe("PERSON");
        ortiz.GetProperty("articles").GetArrayLength().ShouldBe(2);
        ortiz.GetProperty("attributions").GetArrayLength().ShouldBe(2);

        var one = await CliRun.Invoke("entity", ortiz.GetProperty("id").GetString()!, "--db", db, "--format", "json");
        one.Exit.ShouldBe(0);
        JsonDocument.Parse(one.Out).RootElement.GetProperty("name").GetString().ShouldBe("Lina Ortiz");

        var unknown = await CliRun.Invoke("entity", "E999999", "--db", db);
        unknown.Exit.ShouldBe(1);
        unknown.Err.ShouldContain("E999999");
    }
}
