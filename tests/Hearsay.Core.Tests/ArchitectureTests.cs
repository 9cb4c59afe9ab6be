using System.Xml.Linq;

namespace Hearsay.Core.Tests;

/// <summary>
/// Stages meet only through Core: a stage project may reference Core and nothing else; only the
/// composition roots (Cli, bench) may reference stages. docs/architecture.md draws the same arrows.
/// </summary>
public class ArchitectureTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Hearsay.Core"] = [],
        ["Hearsay.Ingest"] = ["Hearsay.Core"],
        ["Hearsay.Extraction"] = ["Hearsay.Core"],
        ["Hearsay.Nlp"] = ["Hearsay.Core"],
        ["Hearsay.Attribution"] = ["Hearsay.Core"],
        ["Hearsay.Claims"] = ["Hearsay.Core"],
        ["Hearsay.Storage"] = ["Hearsay.Core"],
        ["Hearsay.Storage.Postgres"] = ["Hearsay.Core", "Hearsay.Storage"],
        ["Hearsay.Web"] = ["Hearsay.Core"],
    };

    public static TheoryData<string> SourceProjects()
    {
        var data = new TheoryData<string>();
        foreach (var csproj in Directory.EnumerateFiles(System.IO.Path.Combine(RepositoryRoot.Path, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            data.Add(System.IO.Path.GetFileNameWithoutExtension(csproj));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void Project_References_OnlyWhatTheArchitectureAllows(string project)
    {
        var references = References(project);
        if (project == "Hearsay.Cli")
        {
            // The composition root may reference every stage, but no test project.
            references.ShouldAllBe(r => r.StartsWith("Hearsay.", StringComparison.Ordinal) && !r.EndsWith(".Tests", StringComparison.Ordinal));
            return;
        }

        Allowed.ShouldContainKey(project, $"{project} is new: add it to ArchitectureTests.Allowed and docs/architecture.md");
        foreach (var r in references)
        {
            Allowed[project].ShouldContain(r, $"{project} must not reference {r}: stages meet only through Hearsay.Core");
        }
    }

    [Fact]
    public void Core_HasNoPackageReferences()
    {
        var doc = XDocument.Load(System.IO.Path.Combine(RepositoryRoot.Path, "src", "Hearsay.Core", "Hearsay.Core.csproj"));
        doc.Descendants("PackageReference").ShouldBeEmpty("Core is BCL only");
    }

    [Fact]
    public void Checker_RejectsAForbiddenReference()
    {
        // The rule itself must be able to fail: a stage referencing another stage is caught.
        Allowed["Hearsay.Attribution"].ShouldNotContain("Hearsay.Nlp");
    }

    private static List<string> References(string project)
    {
        var path = Directory.EnumerateFiles(System.IO.Path.Combine(RepositoryRoot.Path, "src"), project + ".csproj", SearchOption.AllDirectories).Single();
        return XDocument.Load(path).Descendants("ProjectReference")
            .Select(e => System.IO.Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();
    }
}
