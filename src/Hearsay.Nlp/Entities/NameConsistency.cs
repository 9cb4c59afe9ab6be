using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Entities;

/// <summary>
/// Document-level second pass: a capitalised name the tagger found once is tagged at its other,
/// missed occurrences in the same document with its most frequent label ("Miramar" found in one
/// sentence of a review is Miramar in the next). Exact, case-sensitive token matches only.
/// An acronym defined in parentheses after a name whose initials spell it ("the Housing Authority of New Orleans
/// ( HANO )") makes the name one entity and the acronym that entity's label for the rest of the document, and a
/// corporate designator after a name ("Enron Broadband Services , Inc.") joins it as an organisation.
/// </summary>
public static class NameConsistency
{
    private const int MaxTokens = 6;
    private const int MinSingleWordVotes = 2;
    private const int MaxAcronymName = 12;

    /// <summary>Adds spans in place; <paramref name="spans"/>[k] are sentence <paramref name="sentences"/>[k]'s spans, sorted.</summary>
    public static void Propagate(string text, IReadOnlyList<ArraySegment<Token>> sentences, IList<List<EntitySpan>> spans)
    {
        var names = new Dictionary<string, int[]>(StringComparer.Ordinal);
        int labelCount = Enum.GetValues<EntityLabel>().Length;
        for (int k = 0; k < sentences.Count; k++)
        {
            IncludeDesignators(text, sentences[k], spans[k]);
            DefineAcronyms(text, sentences[k], spans[k], names, labelCount);
        }

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

    /// <summary>
    /// "NAME ( ACRONYM )" where the initials of NAME's capitalised words (or of all its words) spell the acronym
    /// (Schwartz and Hearst 2003, restricted to initials): when the tagger found an entity in the name or the acronym,
    /// the whole name and the acronym become entities of one label (ORG when any part was tagged ORG: in the NER
    /// training data 25 of the 26 such definitions with an entity are organisations), and the acronym votes for that
    /// label. A name that no span touches stays untagged ("Computer Aided Design ( CAD )" is no entity).
    /// </summary>
    private static void DefineAcronyms(string text, ArraySegment<Token> toks, List<EntitySpan> spans, Dictionary<string, int[]> names, int labelCount)
    {
        for (int open = 1; open + 2 < toks.Count; open++)
        {
            if (!Is(text, toks[open], "(") || !Is(text, toks[open + 2], ")") || Acronym(text, toks[open + 1]) is not { } acronym)
            {
                continue;
            }

            int start = NameStart(text, toks, open, acronym);
            if (start < 0)
            {
                continue;
            }

            bool touched = false, org = false, crosses = false;
            EntityLabel? acronymLabel = null, headLabel = null;
            foreach (var s in spans)
            {
                if (s.Start == open + 1 && s.End == open + 2)
                {
                    acronymLabel = s.Label;
                    org |= s.Label == EntityLabel.Org;
                    touched = true;
                }
                else if (s.Start < open && s.End > start)
                {
                    crosses |= s.Start < start || s.End > open;
                    org |= s.Label == EntityLabel.Org;
                    touched = true;
                    if (s.End == open)
                    {
                        headLabel = s.Label;
                    }
                }
                else if (s.Start <= open + 2 && s.End > open)
                {
                    crosses = true; // a span over the parentheses: the tagger read it another way
                }
            }

            if (!touched || crosses)
            {
                continue;
            }

            var label = org ? EntityLabel.Org : acronymLabel ?? headLabel ?? spans.First(s => s.Start < open && s.End > start).Label;
            spans.RemoveAll(s => (s.Start >= start && s.End <= open) || s.Start == open + 1);
            spans.Add(new EntitySpan(start, open, label));
            spans.Add(new EntitySpan(open + 1, open + 2, label));
            spans.Sort((a, b) => a.Start.CompareTo(b.Start));
            if (!names.TryGetValue(acronym, out var counts))
            {
                names[acronym] = counts = new int[labelCount];
            }

            counts[(int)label] += MinSingleWordVotes;
        }
    }

    /// <summary>
    /// A name directly followed by a corporate designator ("Enron Broadband Services , Inc.", "CCNG Inc.") is an
    /// organisation that includes it: the training data's ORG spans include a following designator 48 times and leave
    /// it out 4 times, but the tagger, seeing few of them after a comma, often stops before it.
    /// </summary>
    private static void IncludeDesignators(string text, ArraySegment<Token> toks, List<EntitySpan> spans)
    {
        for (int j = 0; j < spans.Count; j++)
        {
            var s = spans[j];
            int next = s.End < toks.Count && Is(text, toks[s.End], ",") ? s.End + 1 : s.End;
            if (next >= toks.Count || !IsDesignator(text.AsSpan(toks[next].Start, toks[next].Range.Length))
                || (j + 1 < spans.Count && spans[j + 1].Start <= next))
            {
                continue;
            }

            spans[j] = new EntitySpan(s.Start, next + 1, EntityLabel.Org);
        }
    }

    private static bool IsDesignator(ReadOnlySpan<char> word) =>
        word is "Inc." or "Inc" or "Corp." or "Corp" or "Ltd." or "Ltd" or "LLC" or "L.L.C." or "L.P." or "LP" or "PLC" or "plc" or "GmbH" or "Co." or "Incorporated" or "Limited" or "Corporation";

    /// <summary>The token's text when it is 2-8 capital letters, else null.</summary>
    private static string? Acronym(string text, Token token)
    {
        var span = text.AsSpan(token.Start, token.Range.Length);
        if (span.Length is < 2 or > 8)
        {
            return null;
        }

        foreach (char c in span)
        {
            if (!char.IsUpper(c))
            {
                return null;
            }
        }

        return span.ToString();
    }

    /// <summary>
    /// The first token of the shortest name ending before <paramref name="open"/> whose initials spell
    /// <paramref name="acronym"/>, over capitalised words and the connectives of names; -1 when there is none.
    /// </summary>
    private static int NameStart(string text, ArraySegment<Token> toks, int open, string acronym)
    {
        Span<char> capitals = stackalloc char[MaxAcronymName];
        Span<char> all = stackalloc char[MaxAcronymName];
        int nCapitals = 0, nAll = 0;
        for (int i = open - 1; i >= 0 && open - i <= MaxAcronymName; i--)
        {
            var token = toks[i];
            if (token.Range.Length == 0)
            {
                return -1;
            }

            char first = text[token.Start];
            bool capital = char.IsUpper(first);
            if (!capital && !IsConnective(text.AsSpan(token.Start, token.Range.Length)))
            {
                return -1;
            }

            // Initials are collected backwards; compare them reversed against the acronym's tail.
            all[nAll++] = char.ToUpperInvariant(first);
            if (capital)
            {
                capitals[nCapitals++] = first;
                if (SpellsBackwards(capitals[..nCapitals], acronym) || SpellsBackwards(all[..nAll], acronym))
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private static bool SpellsBackwards(ReadOnlySpan<char> reversed, string acronym)
    {
        if (reversed.Length != acronym.Length)
        {
            return false;
        }

        for (int j = 0; j < reversed.Length; j++)
        {
            if (reversed[j] != acronym[^(j + 1)])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsConnective(ReadOnlySpan<char> word) =>
        word is "of" or "and" or "for" or "the" or "&" or "de" or "on" or "in";

    private static bool Is(string text, Token token, string value) => text.AsSpan(token.Start, token.Range.Length).SequenceEqual(value);

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
