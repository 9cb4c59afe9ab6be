using System.Diagnostics;
using Hearsay.Storage;

namespace Hearsay.Cli.Tests;

/// <summary>Killing <c>hearsay ingest</c> mid-batch leaves every stored document whole, and re-running resumes.</summary>
[Collection("cli")]
public sealed class IngestKillTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hearsay-kill-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Ingest_KilledMidBatch_StoredDocumentsAreWhole_AndRerunResumes()
    {
        var input = Directory.CreateDirectory(Path.Combine(_dir, "in")).FullName;
        const int count = 300;
        for (int i = 0; i < count; i++)
        {
            var body = string.Concat(Enumerable.Repeat($"Officials said on Monday that bridge {i} would reopen, citing an engineer speaking to Radio Kelan. ", 20));
            await File.WriteAllTextAsync(Path.Combine(input, $"doc{i:D3}.txt"), $"Bridge {i} to reopen\n\n{body}\n");
        }

        var db = Path.Combine(_dir, "kill.db");
        using (var p = Start("ingest", input, "--db", db))
        {
            // Wait until some, not all, documents are stored, then kill without warning.
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(90) && await StoredCount(db) < 10 && !p.HasExited)
            {
                await Task.Delay(25);
            }

            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
            }

            await p.WaitForExitAsync();
        }

        var storedBefore = await StoredCount(db);
        storedBefore.ShouldBeGreaterThan(0);
        using (var store = SqliteDocumentStore.Open(db))
        {
            foreach (var summary in await store.ListAsync(0, 500))
            {
                var doc = await store.GetAsync(summary.Id);
                doc.ShouldNotBeNull();
                doc.Text.ShouldStartWith("Bridge ");
                doc.Attributions.Count.ShouldBe(summary.Attributions);
            }
        }

        var rerun = await CliRun.Invoke("ingest", input, "--db", db);
        rerun.Exit.ShouldBe(0, rerun.Err);
        rerun.Err.ShouldContain($"{count - storedBefore} stored, {storedBefore} already stored");
        (await StoredCount(db)).ShouldBe(count);
    }

    private static async Task<int> StoredCount(string db)
    {
        if (!File.Exists(db))
        {
            return 0;
        }

        try
        {
            using var store = SqliteDocumentStore.Open(db);
            return await store.CountAsync();
        }
        catch (Hearsay.Core.Storage.StoreException)
        {
            return 0; // the file exists but the schema is not written yet
        }
    }

    private Process Start(params string[] args)
    {
        var p = HearsayProcess.Start(_dir, args);
        // Drain the pipes so the child never blocks on a full buffer.
        _ = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        return p;
    }
}
