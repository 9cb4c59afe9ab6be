using System.Globalization;
using System.Text.Json;
using Hearsay.Core.Serialization;
using Hearsay.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Hearsay.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Each document is written in one transaction
/// (document row, analysis JSON, model versions, attributions, search rows), so a killed process
/// leaves every stored document whole, and saving is idempotent by document id.
/// Each operation opens its own pooled connection, so one instance serves concurrent callers.
/// </summary>
public sealed partial class SqliteDocumentStore : IDocumentStore, IEntityStore
{
    private const string SnippetOpen = "[";
    private const string SnippetClose = "]";
    private const string ContentJoiner = " … ";

    private readonly string connectionString;
    private readonly TimeProvider clock;
    private bool disposed;

    private SqliteDocumentStore(string path, string connectionString, TimeProvider clock)
    {
        Path = path;
        this.connectionString = connectionString;
        this.clock = clock;
    }

    /// <summary>The database file, as given by the caller (used in every error message).</summary>
    public string Path { get; }

    /// <summary>The newest schema version this build knows; a database with a higher one is refused.</summary>
    public static int SchemaVersion => SqliteMigrations.Latest;

    /// <summary>Opens the database file, creating it (and its folder) when missing, and migrates it to <see cref="SchemaVersion"/>.</summary>
    /// <exception cref="StoreException">The file is not a SQLite database, comes from a newer Hearsay, or cannot be written.</exception>
    public static SqliteDocumentStore Open(string path, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full;
        try
        {
            full = System.IO.Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                throw new StoreException($"{path}: is a folder, not a database file.");
            }

            var folder = System.IO.Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new StoreException($"{path}: cannot create the database's folder ({e.Message}).", e);
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        };
        var store = new SqliteDocumentStore(path, builder.ToString(), clock ?? TimeProvider.System);
        try
        {
            store.Initialize();
        }
        catch
        {
            store.Dispose();
            throw;
        }

        return store;
    }

    public async Task<bool> SaveAsync(DocumentResult document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (string.IsNullOrWhiteSpace(document.Id))
        {
            throw new ArgumentException("A document needs an id to be stored.", nameof(document));
        }

        var json = JsonSerializer.Serialize(document, HearsayJson.Options);
        var attributionJson = document.Attributions.Select(a => JsonSerializer.Serialize(a, HearsayJson.Options)).ToArray();

        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);

            // BEGIN IMMEDIATE (the provider's default) takes the write lock up front, so two writers
            // of the same document serialize here and the second one sees the first one's row.
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            int inserted = await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO documents (id, title, source, published, language, status, attribution_count, stored_at) " +
                "VALUES (@id, @title, @source, @published, @language, @status, @count, @storedAt) ON CONFLICT (id) DO NOTHING",
                cancellationToken,
                ("@id", document.Id),
                ("@title", document.Title),
                ("@source", document.Source),
                ("@published", document.Published),
                ("@language", document.Language),
                ("@status", document.Status),
                ("@count", document.Attributions.Count),
                ("@storedAt", clock.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)));
            if (inserted == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }

            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO analyses (document_id, contract_version, result_json) VALUES (@id, @version, @json)",
                cancellationToken,
                ("@id", document.Id),
                ("@version", document.SchemaVersion),
                ("@json", json));

            foreach (var model in document.Models)
            {
                await ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO analysis_models (document_id, stage, version) VALUES (@id, @stage, @version) ON CONFLICT (document_id, stage) DO NOTHING",
                    cancellationToken,
                    ("@id", document.Id),
                    ("@stage", model.Stage),
                    ("@version", model.Version));
            }

            await ExecuteAsync(
                connection,
                transaction,
                "INSERT INTO search_index (document_id, field, ref, body) VALUES (@id, 'text', NULL, @body)",
                cancellationToken,
                ("@id", document.Id),
                ("@body", document.Text));

            for (int i = 0; i < document.Attributions.Count; i++)
            {
                var a = document.Attributions[i];
                var content = string.Join(ContentJoiner, a.Content.Select(c => c.Text));
                await ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO attributions (document_id, attribution_id, ordinal, source_text, source_key, source_type, entity_name, entity_key, " +
                    "entity_global_id, entity_global_key, cue_text, content_text, form, polarity, attribution_json, said_at) " +
                    "VALUES (@id, @aid, @ordinal, @source, @sourceKey, @sourceType, @entity, @entityKey, @global, @globalKey, @cue, @content, @form, @polarity, @json, @saidAt)",
                    cancellationToken,
                    ("@id", document.Id),
                    ("@aid", a.Id),
                    ("@ordinal", i),
                    ("@source", a.Source.Text),
                    ("@sourceKey", Key(a.Source.Text)),
                    ("@sourceType", a.Source.Type),
                    ("@entity", a.Source.Entity?.Name),
                    ("@entityKey", Key(a.Source.Entity?.Name)),
                    ("@global", a.Source.Entity?.GlobalId),
                    ("@globalKey", Key(a.Source.Entity?.GlobalId)),
                    ("@cue", a.Cue.Text),
                    ("@content", content),
                    ("@form", a.Form),
                    ("@polarity", a.Polarity),
                    ("@json", attributionJson[i]),
                    ("@saidAt", SaidAt(a, document)));
                await ExecuteAsync(
                    connection,
                    transaction,
                    "INSERT INTO search_index (document_id, field, ref, body) VALUES (@id, 'attribution', @aid, @body)",
                    cancellationToken,
                    ("@id", document.Id),
                    ("@aid", a.Id),
                    ("@body", content));
            }

            await SaveEntitiesAsync(connection, transaction, document, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (SqliteException e)
        {
            throw Translate(e, "storing document " + document.Id);
        }
    }

    public async Task<bool> ContainsAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var command = Command(connection, null, "SELECT 1 FROM documents WHERE id = @id", ("@id", id));
            return await command.ExecuteScalarAsync(cancellationToken) is not null;
        }
        catch (SqliteException e)
        {
            throw Translate(e, "reading document " + id);
        }
    }

    public async Task<DocumentResult?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        string? json;
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var command = Command(connection, null, "SELECT result_json FROM analyses WHERE document_id = @id", ("@id", id));
            json = await command.ExecuteScalarAsync(cancellationToken) as string;
        }
        catch (SqliteException e)
        {
            throw Translate(e, "reading document " + id);
        }

        return json is null ? null : Deserialize<DocumentResult>(json, "document " + id);
    }

    public async Task<IReadOnlyList<DocumentSummary>> ListAsync(int offset, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var command = Command(
                connection,
                null,
                "SELECT id, title, source, published, status, attribution_count, stored_at FROM documents ORDER BY seq LIMIT @limit OFFSET @offset",
                ("@limit", limit),
                ("@offset", offset));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var list = new List<DocumentSummary>();
            while (await reader.ReadAsync(cancellationToken))
            {
                list.Add(new DocumentSummary(
                    reader.GetString(0),
                    NullableString(reader, 1),
                    NullableString(reader, 2),
                    NullableString(reader, 3),
                    reader.GetString(4),
                    reader.GetInt32(5),
                    reader.GetString(6)));
            }

            return list;
        }
        catch (SqliteException e)
        {
            throw Translate(e, "listing documents");
        }
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var command = Command(connection, null, "SELECT COUNT(*) FROM documents");
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }
        catch (SqliteException e)
        {
            throw Translate(e, "counting documents");
        }
    }

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var match = FtsQuery.Build(query);
        if (match is null)
        {
            return [];
        }

        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var command = Command(
                connection,
                null,
                "SELECT search_index.document_id, documents.title, search_index.field, " +
                "snippet(search_index, 3, @open, @close, '…', 16) " +
                "FROM search_index JOIN documents ON documents.id = search_index.document_id " +
                "WHERE search_index MATCH @match ORDER BY search_index.rank, documents.seq LIMIT @limit",
                ("@open", SnippetOpen),
                ("@close", SnippetClose),
                ("@match", match),
                ("@limit", limit));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var hits = new List<SearchHit>();
            while (await reader.ReadAsync(cancellationToken))
            {
                hits.Add(new SearchHit(reader.GetString(0), NullableString(reader, 1), reader.GetString(2), reader.GetString(3).ReplaceLineEndings(" ")));
            }

            return hits;
        }
        catch (SqliteException e)
        {
            throw Translate(e, "searching for '" + query + "'");
        }
    }

    public async Task<IReadOnlyList<StoredAttribution>> AttributionsBySourceAsync(string source, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var key = Key(source);
        if (string.IsNullOrEmpty(key))
        {
            return [];
        }

        var rows = new List<(string DocumentId, string? Title, string Json)>();
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var command = Command(
                connection,
                null,
                "SELECT attributions.document_id, documents.title, attributions.attribution_json " +
                "FROM attributions JOIN documents ON documents.id = attributions.document_id " +
                "WHERE attributions.source_key = @key OR attributions.entity_key = @key OR attributions.entity_global_key = @key " +
                "ORDER BY CASE WHEN attributions.said_at IS NULL THEN 1 ELSE 0 END, attributions.said_at, documents.seq, attributions.ordinal LIMIT @limit",
                ("@key", key),
                ("@limit", limit));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((reader.GetString(0), NullableString(reader, 1), reader.GetString(2)));
            }
        }
        catch (SqliteException e)
        {
            throw Translate(e, "reading attributions of '" + source + "'");
        }

        return rows.Select(r => new StoredAttribution(r.DocumentId, r.Title, Deserialize<AttributionResult>(r.Json, "an attribution of document " + r.DocumentId))).ToArray();
    }

    /// <summary>
    /// The statement's own date when its time value starts with a full or partial calendar date
    /// ("2021-09-12", "2021-W36" is not a calendar date and falls back), else the publication date.
    /// </summary>
    internal static string? SaidAt(AttributionResult attribution, DocumentResult document)
    {
        var value = attribution.Time?.Value;
        if (value is { Length: >= 4 } && char.IsAsciiDigit(value[0]) && char.IsAsciiDigit(value[3]) && (value.Length == 4 || (value[4] == '-' && value.Length >= 7 && char.IsAsciiDigit(value[5]))))
        {
            return value.Length > 10 ? value[..10] : value;
        }

        return document.Published;
    }

    /// <summary>The model versions recorded for a stored analysis, stage by stage (empty when unknown).</summary>
    public async Task<IReadOnlyList<ModelVersionResult>> ModelVersionsAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken);
            await using var command = Command(connection, null, "SELECT stage, version FROM analysis_models WHERE document_id = @id ORDER BY stage", ("@id", id));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var list = new List<ModelVersionResult>();
            while (await reader.ReadAsync(cancellationToken))
            {
                list.Add(new ModelVersionResult(reader.GetString(0), reader.GetString(1)));
            }

            return list;
        }
        catch (SqliteException e)
        {
            throw Translate(e, "reading model versions of " + id);
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;

        // Pooled connections keep the file open; release them so the file can be moved or deleted.
        using var connection = new SqliteConnection(connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private void Initialize()
    {
        try
        {
            using var connection = new SqliteConnection(connectionString);
            connection.Open();

            // Reading the header happens here: a file that is not SQLite fails before anything is written.
            using (var probe = Command(connection, null, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"))
            using (var reader = probe.ExecuteReader())
            {
                var tables = new List<string>();
                while (reader.Read())
                {
                    tables.Add(reader.GetString(0));
                }

                if (tables.Count > 0 && !tables.Contains("schema_version"))
                {
                    throw new StoreException($"{Path}: is a SQLite database but not a Hearsay store (it has tables {string.Join(", ", tables.Take(5))} and no schema_version).");
                }
            }

            using (var wal = Command(connection, null, "PRAGMA journal_mode = WAL"))
            {
                wal.ExecuteNonQuery();
            }

            using var transaction = connection.BeginTransaction();
            Exec(connection, transaction, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            int current;
            using (var read = Command(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM schema_version"))
            {
                current = Convert.ToInt32(read.ExecuteScalar(), CultureInfo.InvariantCulture);
            }

            if (current > SchemaVersion)
            {
                throw new StoreException($"{Path}: the database has schema version {current}, newer than this Hearsay supports ({SchemaVersion}); use a newer Hearsay.");
            }

            foreach (var (version, name, sql) in SqliteMigrations.All)
            {
                if (version <= current)
                {
                    continue;
                }

                Exec(connection, transaction, sql);
                using var record = Command(
                    connection,
                    transaction,
                    "INSERT INTO schema_version (version, name, applied_at) VALUES (@version, @name, @at)",
                    ("@version", version),
                    ("@name", name),
                    ("@at", clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
                record.ExecuteNonQuery();
            }

            transaction.Commit();
        }
        catch (SqliteException e)
        {
            throw Translate(e, "opening the database");
        }
    }

    private async Task<SqliteConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private StoreException Translate(SqliteException e, string action)
    {
        // Primary result codes: https://www.sqlite.org/rescode.html
        var why = e.SqliteErrorCode switch
        {
            26 => "is not a SQLite database (wrong file?)",
            11 => "is corrupt (the SQLite file is malformed)",
            14 => "cannot be opened or created (is the folder missing or not writable?)",
            8 => "is read-only (check the permissions of the file and its folder)",
            5 or 6 => "is locked by another process (try again when it has finished)",
            13 => "cannot grow: the disk is full",
            10 => "could not be read or written (disk I/O error)",
            _ => null,
        };
        return why is null
            ? new StoreException($"{Path}: {action} failed: {e.Message}", e)
            : new StoreException($"{Path}: {why}; {action} failed.", e);
    }

    private T Deserialize<T>(string json, string what)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, HearsayJson.Options)
                ?? throw new StoreException($"{Path}: {what} is stored as null JSON.");
        }
        catch (JsonException e)
        {
            throw new StoreException($"{Path}: {what} is stored as invalid JSON ({e.Message}).", e);
        }
    }

    private static string? Key(string? value) => value?.Trim().ToLowerInvariant();

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static void Exec(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
