namespace Hearsay.Testing;

/// <summary>
/// Where the tests find the read-only corpora (../shared beside the repository, or $HEARSAY_SHARED) and the
/// repository itself. Compiled into every test project (Directory.Build.props) so the search is written once.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The shared data folder; throws with what to do when it is missing.</summary>
    public static string Root => Found.Value
        ?? throw new DirectoryNotFoundException("shared data folder not found: set HEARSAY_SHARED or put shared/ beside the repository.");

    /// <summary>The shared data folder, or null when it is missing (for tests that skip without it).</summary>
    public static string? TryRoot => Found.Value;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("HEARSAY_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        // The working directory too: `dotnet test` from a clone elsewhere still finds the clone's sibling.
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared");
                if (Directory.Exists(Path.Combine(candidate, "seed")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
