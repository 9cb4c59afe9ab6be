using System.Globalization;
using System.Reflection;

namespace Hearsay.Storage;

/// <summary>
/// The ordered schema migrations, embedded as <c>Migrations/NNNN_name.sql</c>. Version N is the
/// script whose name starts with N; a database records every version it applied in <c>schema_version</c>.
/// </summary>
internal static class SqliteMigrations
{
    private static readonly Lazy<IReadOnlyList<(int Version, string Name, string Sql)>> Scripts = new(Load);

    public static IReadOnlyList<(int Version, string Name, string Sql)> All => Scripts.Value;

    public static int Latest => All[^1].Version;

    private static IReadOnlyList<(int Version, string Name, string Sql)> Load()
    {
        var assembly = typeof(SqliteMigrations).Assembly;
        const string prefix = "Hearsay.Storage.Migrations.";
        var list = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[prefix.Length..];
            int version = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), NumberStyles.None, CultureInfo.InvariantCulture);
            list.Add((version, name, Read(assembly, resource)));
        }

        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i].Item1 != i + 1)
            {
                throw new InvalidOperationException($"Migration scripts must be numbered 1..n without gaps; found {list[i].Item2} at position {i + 1}.");
            }
        }

        return list;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
