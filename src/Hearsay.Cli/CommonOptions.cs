using System.CommandLine;

namespace Hearsay.Cli;

/// <summary>Options every verb shares, so that they are spelled and parsed the same way everywhere.</summary>
public static class CommonOptions
{
    public static Option<OutputFormat> Format() => new("--format")
    {
        Description = "Output format: text, json or jsonl (one JSON object per line).",
        DefaultValueFactory = _ => OutputFormat.Text,
    };

    public static Option<string?> Db() => new("--db")
    {
        Description = "SQLite database file (default: $HEARSAY_DB, else hearsay.db in the working folder).",
    };

    public static string ResolveDb(string? db)
    {
        if (!string.IsNullOrEmpty(db))
        {
            return db;
        }

        var env = Environment.GetEnvironmentVariable("HEARSAY_DB");
        return string.IsNullOrEmpty(env) ? "hearsay.db" : env;
    }
}
