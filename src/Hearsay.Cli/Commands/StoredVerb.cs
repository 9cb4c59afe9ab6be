using Hearsay.Core.Storage;
using Hearsay.Storage;

namespace Hearsay.Cli.Commands;

/// <summary>What every verb that reads an existing store shares: opening it with a clear error, and store failures as CLI errors.</summary>
internal static class StoredVerb
{
    public static int Run(string verb, Func<Task<int>> body) => CliRunner.Guard(verb, () =>
    {
        try
        {
            // Console verbs have no synchronization context, so waiting here cannot deadlock.
            return body().GetAwaiter().GetResult();
        }
        catch (StoreException e)
        {
            throw new CliException(e.Message, e);
        }
    });

    /// <summary>Opens a store that must exist already: reading verbs never create an empty database by a typo.</summary>
    public static SqliteDocumentStore OpenExisting(string path)
    {
        if (Directory.Exists(path))
        {
            throw new CliException($"{path}: is a folder, not a database file.");
        }

        if (!File.Exists(path))
        {
            throw new CliException($"{path}: no such database; store documents with `hearsay ingest PATH --db {path}`, or name another with --db FILE or $HEARSAY_DB.");
        }

        return SqliteDocumentStore.Open(path);
    }
}
