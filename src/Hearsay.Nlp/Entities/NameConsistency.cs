using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Entities;

/// <summary>
/// Document-level second pass: a capitalised name the tagger found once is tagged at its other,
/// missed occurrences in the same document with its most frequent label ("Miramar" found in one
/// sentence of a review is Miramar in the next). Exact, case-sensitive token matches only.
/// </summary>
public static class NameConsistency
{
    private const int MaxTokens = 6;
    private const int MinSingleWordVotes = 2;

    /// <summary>Adds spans in place; <paramref name="spans"/>[k] are sentence <paramref name="sentences"/>[k]'s spans, sorted.</summary>
    public static void Propagate(string text, IReadOnlyList<ArraySegment<Token>> sentences, IList<List<EntitySpan>> spans)
    {
        var names = new Dictionary<string, int[]>(StringComparer.Ordinal);
        int labelCount = Enum.GetValues<EntityLabel>().Length;
        for (int k = 0; k < sentences.Count; k++)
        {
            foreach (var s in spans[k])
            {
                var name = Name(text, sentences[k], s.Start, s.End);
                if (name is null)
                {
                    continue;
                }

                if (!names.TryGetValue(name, out var counts))
                {
                    names[name] = counts = new int[labelCount];
                }

                counts[(int)s.Label]++;
            }
        }

        // A person's surname alone later in the document is that person ("Aghbar" after "Zahir Aghbar").
        var surnames = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (int k = 0; k < sentences.Count; k++)
        {
            foreach (var s in spans[k])
            {
                if (s.Label == EntityLabel.Person && s.End - s.Start >= 2 && Name(text, sentences[k], s.End - 1, s.End) is { } last && !names.ContainsKey(last))
                {
                    surnames[last] = new int[labelCount];
                    surnames[last][(int)EntityLabel.Person] = MinSingleWordVotes;
                }
            }
        }

        foreach (var (surname, votes) in surnames)
        {
            names[surname] = votes;
        }

        if (names.Count == 0)
        {
            return;
        }

        // One name, one label per document: spans of a name with a clear majority label take it.
        for (int k = 0; k < sentences.Count; k++)
        {
            for (int j = 0; j < spans[k].Count; j++)
            {
                var s = spans[k][j];
                if (Name(text, sentences[k], s.Start, s.End) is { } name && names.TryGetValue(name, out var counts))
                {
                    int best = Array.IndexOf(counts, counts.Max());
                    if (best != (int)s.Label && counts[best] * 2 > counts.Sum())
                    {
                        spans[k][j] = s with { Label = (EntityLabel)best };
                    }
                }
            }
        }

        for (int k = 0; k < sentences.Count; k++)
        {
            var toks = sentences[k];
            var covered = new bool[toks.Count];
            foreach (var s in spans[k])
            {
                for (int i = s.Start; i < s.End; i++)
                {
                    covered[i] = true;
                }
            }

            bool added = false;
            for (int i = 0; i < toks.Count; i++)
            {
                if (covered[i])
                {
                    continue;
                }

                for (int len = Math.Min(MaxTokens, toks.Count - i); len >= 1; len--)
                {
                    if (AnyCovered(covered, i, len) || Name(text, toks, i, i + len) is not { } name || !names.TryGetValue(name, out var counts))
                    {
                        continue;
                    }

                    // A one-word name found only once is too weak a cue ("Israeli" once tagged LOC would spread).
                    if (len == 1 && counts.Sum() < MinSingleWordVotes)
                    {
                        continue;
                    }

                    spans[k].Add(new EntitySpan(i, i + len, (EntityLabel)Array.IndexOf(counts, counts.Max())));
                    for (int j = i; j < i + len; j++)
                    {
                        covered[j] = true;
                    }

                    added = true;
                    break;
                }
            }

            if (added)
            {
                spans[k].Sort((a, b) => a.Start.CompareTo(b.Start));
            }
        }
    }

    private static bool AnyCovered(bool[] covered, int start, int len)
    {
        for (int j = start; j < start + len; j++)
        {
            if (covered[j])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name's tokens joined by one space, or null when it does not start with a capital or is one letter.</summary>
    private static string? Name(string text, ArraySegment<Token> toks, int start, int end)
    {
        var first = toks[start];
        if (first.Range.Length == 0 || !char.IsUpper(text[first.Start]) || (end - start == 1 && first.Range.Length < 2))
        {
            return null;
        }

        if (end - start == 1)
        {
            return text.Substring(first.Start, first.Range.Length);
        }

        var parts = new string[end - start];
        for (int i = start; i < end; i++)
        {
            parts[i - start] = text.Substring(toks[i].Start, toks[i].Range.Length);
        }

        return string.Join(' ', parts);
    }
}
