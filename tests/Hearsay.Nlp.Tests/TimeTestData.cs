namespace Hearsay.Nlp.Tests;

/// <summary>Finds the shared data folder (../shared beside the repository, or $HEARSAY_SHARED) and this project's time cases.</summary>
internal static class TimeTestData
{
    public static string SharedRoot()
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

        throw new DirectoryNotFoundException("shared/ not found beside the repository; set HEARSAY_SHARED.");
    }

    /// <summary>The TimeCases folder in the source tree (golden files are rewritten there, not in bin/).</summary>
    public static string CasesRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "TimeCases");
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Hearsay.Nlp.Tests.csproj")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("tests/Hearsay.Nlp.Tests/TimeCases not found above " + AppContext.BaseDirectory);
    }
}
