using Hearsay.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Hearsay.Storage.Tests;

public sealed class SqliteDocumentStoreTests : DocumentStoreContract
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "hearsay-store-" + Guid.NewGuid().ToString("N"));

    public SqliteDocumentStoreTests()
    {
        Directory.CreateDirectory(folder);
    }

    private string DbPath => Path.Combine(folder, "hearsay.db");

    protected override IDocumentStore CreateStore() => SqliteDocumentStore.Open(DbPath);

    protected override IDocumentStore Reopen(IDocumentStore current)
    {
        current.Dispose();
        return SqliteDocumentStore.Open(DbPath);
    }

    protected override void DeleteStorage()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Theory]
    [InlineData("the Taliban", "Taliban's")]
    [InlineData("Lina  Ortiz", "lina ortiz")]
    [InlineData("Reuters", "Reuters\u2019")]
    public void Name_variants_share_an_entity_key(string a, string b)
        => SqliteDocumentStore.EntityKey("ORG", a).ShouldBe(SqliteDocumentStore.EntityKey("ORG", b));

    [Theory]
    [InlineData("PER", "Jordan", "GPE", "Jordan")]
    [InlineData("PER", "Ahmad Massoud", "PER", "Ahmad Shah Massoud")]
    public void Keys_differ_by_type_and_by_full_name(string typeA, string a, string typeB, string b)
        => SqliteDocumentStore.EntityKey(typeA, a).ShouldNotBe(SqliteDocumentStore.EntityKey(typeB, b));

    [Theory]
    [InlineData("Lina Ortiz", true)]
    [InlineData("the Taliban", true)]
    [InlineData("May 14th", true)]
    [InlineData("We", false)]
    [InlineData("the media", false)]
    [InlineData("Their", false)]
    [InlineData("this bill", false)]
    public void Only_names_link_across_documents(string name, bool expected)
        => SqliteDocumentStore.IsProperName(name).ShouldBe(expected);

    [Fact]
    public void A_new_database_is_in_wal_mode_and_records_its_schema_version()
    {
        _ = Store;
        using var connection = RawConnection();
        Scalar(connection, "PRAGMA journal_mode").ShouldBe("wal");
        Scalar(connection, "SELECT MAX(version) FROM schema_version").ShouldBe((long)SqliteDocumentStore.SchemaVersion);
        SqliteDocumentStore.SchemaVersion.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public void Opening_twice_applies_each_migration_once()
    {
        _ = Store;
        using (SqliteDocumentStore.Open(DbPath))
        {
        }

        using var connection = RawConnection();
        Scalar(connection, "SELECT COUNT(*) FROM schema_version").ShouldBe((long)SqliteDocumentStore.SchemaVersion);
    }

    [Fact]
    public async Task Each_stored_analysis_records_its_model_versions()
    {
        var store = (SqliteDocumentStore)Store;
        await store.SaveAsync(SampleDocuments.Bridge());
        var versions = await store.ModelVersionsAsync("doc-bridge");
        versions.Select(v => v.Stage + "=" + v.Version).ShouldBe(["attribution=baseline-0.1", "tokenizer=rules-1"]);
        (await store.ModelVersionsAsync("unknown")).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_denormalized_attribution_rows_hold_source_entity_and_content()
    {
        await Store.SaveAsync(SampleDocuments.Simple("d"));
        using var connection = RawConnection();
        Scalar(connection, "SELECT source_text || '|' || entity_name || '|' || content_text FROM attributions WHERE document_id = 'd'")
            .ShouldBe("Mayor Lina Ortiz|Lina Ortiz|the harbour plan is … \"not finished\"");
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_refused_with_its_name_and_left_unchanged()
    {
        var path = Path.Combine(folder, "notes.db");
        File.WriteAllText(path, "These are my notes, not a database. They are long enough to fill a header of one hundred bytes, surely.");
        var before = File.ReadAllBytes(path);

        var e = Should.Throw<StoreException>(() => SqliteDocumentStore.Open(path));
        e.Message.ShouldStartWith(path + ":");
        e.Message.ShouldContain("not a SQLite database");
        File.ReadAllBytes(path).ShouldBe(before);
    }

    [Fact]
    public void A_sqlite_database_of_another_program_is_refused()
    {
        var path = Path.Combine(folder, "other.db");
        using (var connection = new SqliteConnection("Data Source=" + path + ";Pooling=False"))
        {
            connection.Open();
            Execute(connection, "CREATE TABLE customers (id INTEGER)");
        }

        var e = Should.Throw<StoreException>(() => SqliteDocumentStore.Open(path));
        e.Message.ShouldStartWith(path + ":");
        e.Message.ShouldContain("not a Hearsay store");
        e.Message.ShouldContain("customers");
    }

    [Fact]
    public void A_database_from_a_newer_schema_version_is_refused()
    {
        _ = Store;
        using (var connection = RawConnection())
        {
            Execute(connection, "INSERT INTO schema_version (version, name, applied_at) VALUES (999, '0999_future.sql', '2030-01-01')");
        }

        var e = Should.Throw<StoreException>(() => SqliteDocumentStore.Open(DbPath));
        e.Message.ShouldStartWith(DbPath + ":");
        e.Message.ShouldContain("schema version 999");
        e.Message.ShouldContain("newer");
    }

    [Fact]
    public void A_location_that_cannot_be_written_is_refused_with_the_file_name()
    {
        // A regular file where the folder should be cannot hold a database, whoever runs the test.
        var blocker = Path.Combine(folder, "blocker");
        File.WriteAllText(blocker, "x");
        var path = Path.Combine(blocker, "hearsay.db");
        var e = Should.Throw<StoreException>(() => SqliteDocumentStore.Open(path));
        e.Message.ShouldStartWith(path + ":");
    }

    [Fact]
    public void A_read_only_file_system_is_refused_with_the_file_name()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // /proc refuses new files even to root.
        var path = "/proc/hearsay-" + Guid.NewGuid().ToString("N") + ".db";
        var e = Should.Throw<StoreException>(() => SqliteDocumentStore.Open(path));
        e.Message.ShouldStartWith(path + ":");
        e.Message.ShouldContain("not writable");
    }

    [Fact]
    public void A_folder_is_not_a_database_file()
    {
        var e = Should.Throw<StoreException>(() => SqliteDocumentStore.Open(folder));
        e.Message.ShouldContain("is a folder");
    }

    [Fact]
    public void A_missing_folder_is_created()
    {
        var path = Path.Combine(folder, "nested", "deeper", "h.db");
        using var store = SqliteDocumentStore.Open(path);
        File.Exists(path).ShouldBeTrue();
    }

    [Fact]
    public async Task Every_stored_document_stays_whole_when_writers_are_cut_off()
    {
        // A cancelled save is the in-process stand-in for a killed process: the transaction is never committed.
        using var cancel = new CancellationTokenSource();
        var saves = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            if (i == 10)
            {
                await cancel.CancelAsync();
            }

            try
            {
                await Store.SaveAsync(SampleDocuments.Bridge("k" + i), cancel.Token);
            }
            catch (OperationCanceledException)
            {
            }
        })).ToArray();
        await Task.WhenAll(saves);

        var reopened = Reopen(Store);
        try
        {
            var ids = (await reopened.ListAsync(0, 100)).Select(s => s.Id).ToArray();
            using var connection = RawConnection();
            foreach (var id in ids)
            {
                (await reopened.GetAsync(id)).ShouldNotBeNull();
                Scalar(connection, $"SELECT COUNT(*) FROM attributions WHERE document_id = '{id}'").ShouldBe(2L);
                Scalar(connection, $"SELECT COUNT(*) FROM search_index WHERE document_id = '{id}'").ShouldBe(3L);
            }

            Scalar(connection, "SELECT COUNT(DISTINCT document_id) FROM attributions").ShouldBe((long)ids.Length);
            Scalar(connection, "SELECT COUNT(DISTINCT document_id) FROM analyses").ShouldBe((long)ids.Length);

            // Re-running resumes: the missing documents are added, the present ones skipped.
            int added = 0;
            for (int i = 0; i < 40; i++)
            {
                added += await reopened.SaveAsync(SampleDocuments.Bridge("k" + i)) ? 1 : 0;
            }

            added.ShouldBe(40 - ids.Length);
            (await reopened.CountAsync()).ShouldBe(40);
        }
        finally
        {
            reopened.Dispose();
        }
    }

    private SqliteConnection RawConnection()
    {
        var connection = new SqliteConnection("Data Source=" + DbPath + ";Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
