using System.Globalization;
using Hearsay.Core.Documents;
using Hearsay.Nlp.Conllu;

namespace Hearsay.Nlp.Coreference;

/// <summary>
/// Reads coreference from CorefUD-style CoNLL-U (GUM's <c>dep/</c> layer): in MISC, <c>Entity=</c> holds
/// <c>(eid-etype-infstat-salience-centering-minspan-link[-WikipediaTitle]</c> to open a mention, <c>eid)</c> to close
/// it and <c>(eid-...)</c> for a one-word mention. Titles escape parentheses (%28, %29), so brackets are unambiguous.
/// </summary>
public static class CorefConlluReader
{
    /// <summary>Reads every document of the files under <paramref name="path"/> (a file, a folder, or "FOLDER#split").</summary>
    public static List<CorefDocument> Read(string path)
    {
        var docs = new List<CorefDocument>();
        foreach (var file in ConlluReader.ExpandPaths([path]))
        {
            foreach (var sentences in ConlluDocuments.GroupByDocument(ConlluReader.ReadFile(file)))
            {
                docs.Add(FromSentences(sentences, Path.GetFileNameWithoutExtension(file)));
            }
        }

        return docs;
    }

    public static CorefDocument FromSentences(IReadOnlyList<ConlluSentence> sentences, string fallbackName)
    {
        string name = fallbackName;
        string? genre = null;
        foreach (var c in sentences.Count > 0 ? sentences[0].Comments : [])
        {
            if (c.StartsWith("# newdoc id", StringComparison.Ordinal))
            {
                name = c[(c.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();
            }
            else if (c.StartsWith("# meta::genre", StringComparison.Ordinal))
            {
                genre = c[(c.IndexOf('=', StringComparison.Ordinal) + 1)..].Trim();
            }
        }

        genre ??= GenreOf(name);
        var document = ConlluDocuments.FromGoldTokens(sentences);
        var mentions = new List<CorefGoldMention>();
        var open = new Dictionary<string, Stack<(int Start, string Type, string? Wiki)>>(StringComparer.Ordinal);
        int token = 0;
        foreach (var s in sentences)
        {
            foreach (var w in s.Words)
            {
                var value = MiscValue(w.Misc, "Entity");
                if (value is not null)
                {
                    ParseEntityField(value, token, open, mentions, s.SentenceId);
                }

                token++;
            }
        }

        mentions.Sort((a, b) => a.Tokens.Start != b.Tokens.Start ? a.Tokens.Start.CompareTo(b.Tokens.Start) : b.Tokens.End.CompareTo(a.Tokens.End));
        return new CorefDocument(name, genre, document, sentences, mentions);
    }

    /// <summary>GUM names documents GUM_genre_name.</summary>
    public static string GenreOf(string name)
    {
        var parts = name.Split('_');
        return parts.Length >= 3 ? parts[1] : "unknown";
    }

    public static string? MiscValue(string misc, string key)
    {
        if (misc == "_")
        {
            return null;
        }

        foreach (var part in misc.Split('|'))
        {
            if (part.Length > key.Length && part.StartsWith(key, StringComparison.Ordinal) && part[key.Length] == '=')
            {
                return part[(key.Length + 1)..];
            }
        }

        return null;
    }

    private static void ParseEntityField(string value, int token, Dictionary<string, Stack<(int, string, string?)>> open, List<CorefGoldMention> mentions, string? sentenceId)
    {
        int i = 0;
        while (i < value.Length)
        {
            if (value[i] == '(')
            {
                int j = i + 1;
                while (j < value.Length && value[j] != '(' && value[j] != ')')
                {
                    j++;
                }

                var fields = value[(i + 1)..j].Split('-', 8);
                string eid = fields[0];
                string type = fields.Length > 1 ? fields[1] : "abstract";
                string? wiki = fields.Length > 7 ? Uri.UnescapeDataString(fields[7]) : null;
                if (j < value.Length && value[j] == ')')
                {
                    mentions.Add(new CorefGoldMention(new TokenRange(token, token + 1), eid, type, wiki));
                    i = j + 1;
                }
                else
                {
                    if (!open.TryGetValue(eid, out var stack))
                    {
                        stack = new Stack<(int, string, string?)>();
                        open[eid] = stack;
                    }

                    stack.Push((token, type, wiki));
                    i = j;
                }
            }
            else
            {
                int j = i;
                while (j < value.Length && value[j] != ')' && value[j] != '(')
                {
                    j++;
                }

                if (j >= value.Length || value[j] != ')')
                {
                    throw new FormatException($"sentence {sentenceId}: malformed Entity annotation '{value}'.");
                }

                string eid = value[i..j];
                if (!open.TryGetValue(eid, out var stack) || stack.Count == 0)
                {
                    throw new FormatException($"sentence {sentenceId}: Entity closes '{eid}' which is not open.");
                }

                var (start, type, wiki) = stack.Pop();
                mentions.Add(new CorefGoldMention(new TokenRange(start, token + 1), eid, type, wiki));
                i = j + 1;
            }
        }
    }

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
