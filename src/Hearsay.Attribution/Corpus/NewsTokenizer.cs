using Hearsay.Core.Documents;

namespace Hearsay.Attribution.Corpus;

/// <summary>
/// A Penn-Treebank-like tokenizer and sentence splitter for corpus conversion (PolNeAR brat
/// documents) and for analysing text when no tokenizer stage ran. It mirrors the CoreNLP cut
/// that PolNeAR's sentence file uses closely enough for the tagger's features: clitics
/// ('s, n't) and punctuation are split, abbreviations and numbers stay whole.
/// </summary>
public static class NewsTokenizer
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "st", "jr", "sr", "rev", "prof",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd",
        "vs", "etc", "no", "vol", "fig", "pres", "supt", "ft", "mt", "ave", "blvd", "dept", "univ", "est", "approx",
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md", "mass",
        "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wyo",
    };

    private static readonly string[] Clitics = ["n't", "n’t", "'s", "’s", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"];

    /// <summary>Tokens of <paramref name="text"/> with their trailing whitespace.</summary>
    public static Token[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var ranges = new List<(int Start, int End)>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                SplitChunk(text, start, i, ranges);
            }
        }

        var tokens = new Token[ranges.Count];
        for (int k = 0; k < ranges.Count; k++)
        {
            int next = k + 1 < ranges.Count ? ranges[k + 1].Start : TrailingEnd(text, ranges[k].End);
            tokens[k] = new Token(new CharRange(ranges[k].Start, ranges[k].End), next - ranges[k].End);
        }

        return tokens;
    }

    private static int TrailingEnd(string text, int end)
    {
        while (end < text.Length && char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return end;
    }

    private static bool IsOpening(char c) => c is '(' or '[' or '{' or '"' or '“' or '‘' or '\'' or '`' or '«';

    private static bool IsClosing(char c) => c is ')' or ']' or '}' or '"' or '”' or '’' or '\'' or ',' or ';' or ':' or '!' or '?' or '»' or '.';

    private static bool IsDash(char c) => c is '—' or '–';

    private static void SplitChunk(string text, int start, int end, List<(int, int)> output)
    {
        // Dashes and "--" separate words wherever they occur inside a chunk.
        int s = start;
        for (int i = start; i < end; i++)
        {
            bool dash = IsDash(text[i]) || (text[i] == '-' && i + 1 < end && text[i + 1] == '-');
            if (dash)
            {
                if (i > s)
                {
                    SplitWord(text, s, i, output);
                }

                int len = text[i] == '-' ? 2 : 1;
                while (i + len < end && text[i + len] == '-')
                {
                    len++;
                }

                output.Add((i, i + len));
                i += len - 1;
                s = i + 1;
            }
            else if (text[i] == '/' && i > s && i + 1 < end && char.IsLetter(text[i - 1]) && (text[i + 1] == '“' || text[i + 1] == '"'))
            {
                SplitWord(text, s, i + 1, output);
                s = i + 1;
            }
        }

        if (end > s)
        {
            SplitWord(text, s, end, output);
        }
    }

    private static void SplitWord(string text, int start, int end, List<(int, int)> output)
    {
        while (start < end && IsOpening(text[start]) && end - start > 1)
        {
            if (text[start] == '`' && start + 1 < end && text[start + 1] == '`')
            {
                output.Add((start, start + 2));
                start += 2;
                continue;
            }

            output.Add((start, start + 1));
            start++;
        }

        var tail = new List<(int, int)>();
        while (end - start > 1)
        {
            char c = text[end - 1];
            if (c == '\'' && text[end - 2] == '\'')
            {
                tail.Add((end - 2, end));
                end -= 2;
                continue;
            }

            if (c == '.' && KeepsPeriod(text, start, end))
            {
                break;
            }

            if (c == '.' && end - start >= 3 && text[end - 2] == '.' && text[end - 3] == '.')
            {
                tail.Add((end - 3, end));
                end -= 3;
                continue;
            }

            if (!IsClosing(c))
            {
                break;
            }

            tail.Add((end - 1, end));
            end--;
        }

        if (end > start)
        {
            bool clitic = false;
            foreach (var cl in Clitics)
            {
                if (end - start > cl.Length && text.AsSpan(end - cl.Length, cl.Length).Equals(cl, StringComparison.OrdinalIgnoreCase))
                {
                    output.Add((start, end - cl.Length));
                    output.Add((end - cl.Length, end));
                    clitic = true;
                    break;
                }
            }

            if (!clitic)
            {
                output.Add((start, end));
            }
        }
        else if (end == start && start < text.Length && tail.Count == 0)
        {
            output.Add((start, start + 1));
        }

        for (int k = tail.Count - 1; k >= 0; k--)
        {
            output.Add(tail[k]);
        }
    }

    private static bool KeepsPeriod(string text, int start, int end)
    {
        var word = text.AsSpan(start, end - start - 1);
        if (word.Length == 0)
        {
            return false;
        }

        // U.S., D.C., J.
        if (word.Length == 1 && char.IsLetter(word[0]))
        {
            return true;
        }

        if (word.Contains('.') && char.IsLetter(word[^1]))
        {
            return true;
        }

        return Abbreviations.Contains(word.ToString());
    }

    /// <summary>Splits tokens into sentences at final punctuation (with closing quotes) and at blank lines or line breaks.</summary>
    public static Sentence[] Split(string text, Token[] tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        var sentences = new List<Sentence>();
        int first = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            bool end = false;
            var t = tokens[i].Range.Slice(text);
            if (t is "." or "!" or "?" or "..." or "…")
            {
                end = true;
                while (i + 1 < tokens.Length && IsCloser(tokens[i + 1].Range.Slice(text)) && tokens[i].WhitespaceLength == 0)
                {
                    i++;
                }
            }
            else if (t.Length > 1 && t[^1] == '.' && i + 1 < tokens.Length && char.IsUpper(text[tokens[i + 1].Start]) && IsSentenceFinalAbbrev(t))
            {
                end = true;
            }

            var gap = text.AsSpan(tokens[i].End, tokens[i].WhitespaceLength);
            if (gap.Contains('\n'))
            {
                end = true;
            }

            if (end || i == tokens.Length - 1)
            {
                sentences.Add(new Sentence(new TokenRange(first, i + 1), new CharRange(tokens[first].Start, tokens[i].End)));
                first = i + 1;
            }
        }

        return [.. sentences];
    }

    private static bool IsSentenceFinalAbbrev(ReadOnlySpan<char> t) => t.Length == 0 || t is "U.S." or "D.C." or "U.K." or "a.m." or "p.m.";

    private static bool IsCloser(ReadOnlySpan<char> t) => t is "”" or "\"" or "’" or "'" or "''" or ")" or "]";

    /// <summary>Tokenizes, splits and wraps <paramref name="text"/> as a document with Tokens and Sentences.</summary>
    public static Document Analyze(string text, DocumentMetadata? metadata = null)
    {
        var doc = new Document(text, metadata);
        var tokens = Tokenize(text);
        doc.SetTokens(tokens);
        doc.SetSentences(Split(text, tokens));
        return doc;
    }
}
