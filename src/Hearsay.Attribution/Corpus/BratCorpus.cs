using System.Globalization;
using Hearsay.Core.Documents;

namespace Hearsay.Attribution.Corpus;

/// <summary>
/// Reads PolNeAR's brat standoff: <c>text/NAME.txt</c> with one <c>attributions/NAME_ANNOTATOR.ann</c>
/// per annotator. Text-bound annotations of type Source, Cue and Content are joined into
/// attributions by the <c>E</c> lines (<c>Attribution:T4 Content:T3 Cue:T2 Source:T1</c>).
/// </summary>
public static class BratCorpus
{
    /// <summary>Whether <paramref name="folder"/> looks like a brat split (it or its child has text/ and attributions/).</summary>
    public static bool IsBratFolder(string folder) =>
        Directory.Exists(Path.Combine(folder, "attributions")) && Directory.Exists(Path.Combine(folder, "text"));

    /// <summary>Every annotator's version of every article; with <paramref name="firstAnnotatorOnly"/>, one version per article.</summary>
    /// <exception cref="FormatException">An .ann file is malformed or has no text; the message names it.</exception>
    public static List<BratDocument> Read(string folder, bool firstAnnotatorOnly = false)
    {
        var textDir = Path.Combine(folder, "text");
        var annDir = Path.Combine(folder, "attributions");
        var docs = new List<BratDocument>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ann in Directory.GetFiles(annDir, "*.ann").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(ann);
            int us = stem.LastIndexOf('_');
            if (us <= 0)
            {
                throw new FormatException($"{ann}: name does not end in _ANNOTATOR");
            }

            var name = stem[..us];
            if (firstAnnotatorOnly && !seen.Add(name))
            {
                continue;
            }

            var textPath = Path.Combine(textDir, name + ".txt");
            if (!File.Exists(textPath))
            {
                throw new FormatException($"{ann}: no text file {textPath}");
            }

            var text = File.ReadAllText(textPath);
            docs.Add(new BratDocument(name, stem[(us + 1)..], text, ParseAnn(ann, File.ReadAllLines(ann), text.Length)));
        }

        return docs;
    }

    public static List<BratAttribution> ParseAnn(string path, string[] lines, int textLength)
    {
        var spans = new Dictionary<string, (string Type, List<CharRange> Ranges)>(StringComparer.Ordinal);
        var events = new List<(string Id, Dictionary<string, string> Args)>();
        for (int n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            if (line.Length == 0)
            {
                continue;
            }

            var cols = line.Split('\t');

            // A span's text may hold line breaks; its continuation lines have no id column.
            if (cols.Length < 2 || cols[0].Length < 2 || !char.IsAsciiDigit(cols[0][1]))
            {
                continue;
            }

            if (line[0] == 'T')
            {
                int sp = cols[1].IndexOf(' ', StringComparison.Ordinal);
                var type = sp < 0 ? cols[1] : cols[1][..sp];
                var ranges = new List<CharRange>();
                if (sp >= 0)
                {
                    foreach (var frag in cols[1][(sp + 1)..].Split(';'))
                    {
                        var se = frag.Split(' ');
                        if (se.Length != 2 || !int.TryParse(se[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out int s)
                            || !int.TryParse(se[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int e) || s < 0 || e < s || e > textLength)
                        {
                            throw new FormatException($"{path}:{n + 1}: bad offsets '{frag}'");
                        }

                        ranges.Add(new CharRange(s, e));
                    }
                }

                spans[cols[0]] = (type, ranges);
            }
            else if (line[0] == 'E' && cols.Length >= 2)
            {
                var args = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var part in cols[1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    int c = part.IndexOf(':', StringComparison.Ordinal);
                    if (c > 0)
                    {
                        args[part[..c]] = part[(c + 1)..];
                    }
                }

                events.Add((cols[0], args));
            }
        }

        var result = new List<BratAttribution>();
        foreach (var (id, args) in events)
        {
            if (!args.Keys.Any(k => k.StartsWith("Attribution", StringComparison.Ordinal)))
            {
                continue;
            }

            result.Add(new BratAttribution(id, Role(args, "Source"), Role(args, "Cue"), Role(args, "Content")));
        }

        return result;

        // "Content2" carries a second content span of the same attribution.
        IReadOnlyList<CharRange> Role(Dictionary<string, string> args, string role)
        {
            var list = new List<CharRange>();
            foreach (var (key, t) in args)
            {
                if (key.StartsWith(role, StringComparison.Ordinal) && spans.TryGetValue(t, out var s))
                {
                    list.AddRange(s.Ranges);
                }
            }

            list.Sort((a, b) => a.Start.CompareTo(b.Start));
            return list;
        }
    }
}
