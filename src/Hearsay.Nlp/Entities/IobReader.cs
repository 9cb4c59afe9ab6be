using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Entities;

/// <summary>
/// Reads NER data in CoNLL-like column formats: UNER's <c>ID FORM TAG ...</c> lines with <c>#</c> comments,
/// and two-column <c>FORM TAG</c> files (tab- or space-separated). Tags may be IOB1 or IOB2; an
/// <c>I-X</c> that does not continue an <c>X</c> starts a new span. Corpus labels are mapped onto Hearsay's
/// (PER, person -> Person; ORG, corporation, group -> Org; LOC, GPE, location -> Loc); others are dropped.
/// </summary>
public static class IobReader
{
    public static List<LabeledSentence> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"NER data file '{path}' does not exist.", path);
        }

        using var reader = new StreamReader(path);
        return Read(reader, path);
    }

    public static List<LabeledSentence> Read(TextReader reader, string name)
    {
        var result = new List<LabeledSentence>();
        var words = new List<string>();
        var tags = new List<string>();
        int lineNo = 0;
        int doc = 0;
        bool docMarkers = false;
        bool? idLayout = null;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.Length == 0 || string.IsNullOrWhiteSpace(line))
            {
                Flush(words, tags, result, doc);
                continue;
            }

            if (line.StartsWith('#') && (line.StartsWith("# ", StringComparison.Ordinal) || line.Length == 1))
            {
                if (line.StartsWith("# newdoc", StringComparison.Ordinal))
                {
                    Flush(words, tags, result, doc);
                    doc++;
                    docMarkers = true;
                }

                continue;
            }

            var fields = line.Contains('\t') ? line.Split('\t') : line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 2)
            {
                throw new InvalidDataException($"{name}:{lineNo}: expected 'FORM TAG' or 'ID FORM TAG' columns, got '{Truncate(line)}'.");
            }

            if (fields[0] == "-DOCSTART-")
            {
                Flush(words, tags, result, doc);
                doc++;
                docMarkers = true;
                continue;
            }

            // The layout is the file's, decided on its first token line: UNER's 'ID FORM TAG' starts a sentence at ID 1
            // (or a range "1-2"). Deciding per line took a number written as the form of 'FORM GOLD PRED' (the output
            // of `hearsay ner`, for conlleval) for an ID.
            idLayout ??= fields.Length >= 3 && IsId(fields[0]) && (fields[0] == "1" || fields[0].StartsWith("1-", StringComparison.Ordinal));
            bool uner = idLayout.Value && fields.Length >= 3 && IsId(fields[0]);
            if (uner && !IsIntegerId(fields[0]))
            {
                continue; // multiword ranges and empty nodes carry no NER tag
            }

            words.Add(uner ? fields[1] : fields[0]);
            tags.Add(uner ? fields[2] : fields[^1]);
        }

        Flush(words, tags, result, doc);
        if (!docMarkers)
        {
            for (int i = 0; i < result.Count; i++)
            {
                result[i].Document = i;
            }
        }

        return result;
    }

    /// <summary>Maps a corpus label to Hearsay's, or null when Hearsay does not recognise that kind.</summary>
    public static EntityLabel? MapLabel(string label) => label.ToUpperInvariant() switch
    {
        "PER" or "PERSON" => EntityLabel.Person,
        "ORG" or "ORGANIZATION" or "ORGANISATION" or "CORPORATION" or "GROUP" => EntityLabel.Org,
        "LOC" or "LOCATION" or "GPE" or "PLACE" => EntityLabel.Loc,
        _ => null,
    };

    /// <summary>Decodes IOB1/IOB2 (and BILOU/BIOES) tags into spans.</summary>
    public static EntitySpan[] Decode(IReadOnlyList<string> tags)
    {
        var spans = new List<EntitySpan>();
        int start = -1;
        string? current = null;
        for (int i = 0; i <= tags.Count; i++)
        {
            string tag = i < tags.Count ? tags[i] : "O";
            char prefix = tag.Length >= 2 && tag[1] == '-' ? char.ToUpperInvariant(tag[0]) : 'O';
            string? type = prefix == 'O' ? null : tag[2..];
            bool continues = current is not null && type == current && (prefix is 'I' or 'L' or 'E');
            if (!continues && current is not null)
            {
                Close(spans, start, i, current);
                current = null;
            }

            if (type is not null && !continues)
            {
                start = i;
                current = type;
            }

            if (current is not null && prefix is 'L' or 'E' or 'U' or 'S')
            {
                Close(spans, start, i + 1, current);
                current = null;
            }
        }

        return [.. spans];
    }

    private static void Close(List<EntitySpan> spans, int start, int end, string type)
    {
        if (MapLabel(type) is { } label)
        {
            spans.Add(new EntitySpan(start, end, label));
        }
    }

    private static void Flush(List<string> words, List<string> tags, List<LabeledSentence> result, int doc)
    {
        if (words.Count == 0)
        {
            return;
        }

        var t = tags.ToArray();
        result.Add(new LabeledSentence([.. words], Decode(t), t) { Document = doc });
        words.Clear();
        tags.Clear();
    }

    private static bool IsId(string s)
    {
        if (s.Length == 0 || !char.IsAsciiDigit(s[0]))
        {
            return false;
        }

        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c) && c != '-' && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsIntegerId(string s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Truncate(string s) => s.Length <= 60 ? s : s[..60] + "...";
}
