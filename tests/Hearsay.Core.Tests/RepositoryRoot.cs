namespace Hearsay.Core.Tests;

/// <summary>Finds the repository root (the folder holding Hearsay.slnx) from the test's output folder.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Hearsay.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Hearsay.slnx not found above " + AppContext.BaseDirectory);
    }
}
