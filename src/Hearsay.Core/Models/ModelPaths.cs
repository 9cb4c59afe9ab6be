namespace Hearsay.Core.Models;

/// <summary>
/// Finds the committed model files: <c>$HEARSAY_MODELS</c>, then <c>models/</c> beside the program,
/// then the nearest <c>models/</c> in a parent folder (tests and <c>dotnet run</c> from the repository).
/// </summary>
public static class ModelPaths
{
    public static string? Root { get; } = FindRoot();

    /// <summary>Full path of a model file under the models folder, or null when it is not there.</summary>
    public static string? Find(string relativePath)
    {
        if (Root is null)
        {
            return null;
        }

        var path = Path.Combine(Root, relativePath);
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    private static string? FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("HEARSAY_MODELS");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
