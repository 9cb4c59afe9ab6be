using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Entities;

/// <summary>
/// Derives NER training sentences from GUM's CoNLL-U entity layer: person, place and organization
/// mentions whose syntactic head is a proper noun, trimmed to their proper-noun core ("the United States"
/// becomes "United States"). A sentence with a named mention that cannot be cut cleanly to a name is
/// skipped, so that no real name is taught as "O".
/// </summary>
public static class GumNameReader
{
    /// <summary>Genres whose texts are CC BY or CC BY-SA (GUM LICENSE.txt); the others are non-commercial or unlisted.</summary>
    public static IReadOnlySet<string> OpenGenres { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "academic", "bio", "court", "interview", "news", "voyage",
    };

    public static List<LabeledSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path);
        return Read(reader);
    }

    public static List<LabeledSentence> Read(TextReader reader)
    {
        var result = new List<LabeledSentence>();
        var rows = new List<Row>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0)
            {
                AddSentence(rows, result);
                rows.Clear();
                continue;
            }

            if (line[0] == '#')
            {
                continue;
            }

            var f = line.Split('\t');
            if (f.Length < 10 || f[0].Contains('-') || f[0].Contains('.'))
            {
                continue;
            }

            rows.Add(new Row(f[1], f[3], int.Parse(f[6], System.Globalization.CultureInfo.InvariantCulture) - 1, EntityField(f[9])));
        }

        AddSentence(rows, result);
        return result;
    }

    private static string? EntityField(string misc)
    {
        foreach (var part in misc.Split('|'))
        {
            if (part.StartsWith("Entity=", StringComparison.Ordinal))
            {
                return part[7..];
            }
        }

        return null;
    }

    private static void AddSentence(List<Row> rows, List<LabeledSentence> result)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var mentions = new List<(int Start, int End, string Type)>();
        var open = new List<(string Eid, string Type, int Start)>();
        for (int i = 0; i < rows.Count; i++)
        {
            var s = rows[i].Entity;
            if (s is null)
            {
                continue;
            }

            int p = 0;
            while (p < s.Length)
            {
                if (s[p] == '(')
                {
                    int j = p + 1;
                    while (j < s.Length && s[j] != '(' && s[j] != ')')
                    {
                        j++;
                    }

                    var body = s[(p + 1)..j].Split('-');
                    string eid = body[0];
                    string type = body.Length > 1 ? body[1] : "";
                    if (j < s.Length && s[j] == ')')
                    {
                        mentions.Add((i, i + 1, type));
                        p = j + 1;
                    }
                    else
                    {
                        open.Add((eid, type, i));
                        p = j;
                    }
                }
                else
                {
                    int j = s.IndexOf(')', p);
                    if (j < 0)
                    {
                        break;
                    }

                    string eid = s[p..j];
                    for (int k = open.Count - 1; k >= 0; k--)
                    {
                        if (open[k].Eid == eid)
                        {
                            mentions.Add((open[k].Start, i + 1, open[k].Type));
                            open.RemoveAt(k);
                            break;
                        }
                    }

                    p = j + 1;
                }
            }
        }

        // Outermost named mentions win; nested names inside them ("Chicago" in "University of Chicago") are not separate entities.
        mentions.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        var spans = new List<EntitySpan>();
        int coveredTo = 0;
        foreach (var (start, end, type) in mentions)
        {
            var label = type switch
            {
                "person" => EntityLabel.Person,
                "place" => EntityLabel.Loc,
                "organization" => EntityLabel.Org,
                _ => (EntityLabel?)null,
            };
            if (label is null || start < coveredTo || !HasProperHead(rows, start, end))
            {
                continue;
            }

            int a = start, b = end;
            while (a < b && rows[a].Upos != "PROPN")
            {
                a++;
            }

            while (b > a && rows[b - 1].Upos != "PROPN")
            {
                b--;
            }

            for (int k = a; k < b; k++)
            {
                if (rows[k].Upos is "VERB" or "AUX" or "PRON" or "SCONJ" || (rows[k].Upos == "PUNCT" && rows[k].Form is not ("-" or "." or "&")))
                {
                    return; // a name we cannot cut out cleanly: leave the sentence out rather than teach its tokens as O
                }
            }

            spans.Add(new EntitySpan(a, b, label.Value));
            coveredTo = end;
        }

        var words = new string[rows.Count];
        for (int i = 0; i < rows.Count; i++)
        {
            words[i] = rows[i].Form;
        }

        result.Add(new LabeledSentence(words, [.. spans]));
    }

    private static bool HasProperHead(List<Row> rows, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            int h = rows[i].Head;
            if (h < start || h >= end)
            {
                return rows[i].Upos == "PROPN";
            }
        }

        return false;
    }

    private readonly record struct Row(string Form, string Upos, int Head, string? Entity);
}
