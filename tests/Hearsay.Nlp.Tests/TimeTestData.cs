namespace Hearsay.Nlp.Tests;

/// <summary>Finds this project's time cases.</summary>
internal static class TimeTestData
{
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
