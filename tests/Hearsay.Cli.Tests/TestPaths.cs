namespace Hearsay.Cli.Tests;

/// <summary>The repository root and the shared data folder beside it (../shared, or $HEARSAY_SHARED).</summary>
internal static class TestPaths
{
    public static string Repo { get; } = FindRepo();

    public static string Shared => SharedData.Root;

    private static string FindRepo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hearsay.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Hearsay.slnx not found above " + AppContext.BaseDirectory);
    }
}
