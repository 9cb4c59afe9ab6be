namespace Hearsay.Nlp.Tests;

/// <summary>The ../shared data folder: $HEARSAY_SHARED, else a "shared" folder beside a parent of the test binaries.</summary>
internal static class SharedData
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var env = Environment.GetEnvironmentVariable("HEARSAY_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

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

        throw new DirectoryNotFoundException("shared data folder not found: set HEARSAY_SHARED or put shared/ beside the repository.");
    }
}
