namespace Hearsay.Extraction.Tests;

/// <summary>Finds the read-only shared data folder: $HEARSAY_SHARED, else a <c>shared</c> folder beside an ancestor.</summary>
internal static class SharedData
{
    public static string Root { get; } = Find();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var env = Environment.GetEnvironmentVariable("HEARSAY_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "seed")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared data not found: set HEARSAY_SHARED or put shared/ beside the repository.");
    }
}
