using System.Runtime.InteropServices;
using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;

namespace Hearsay.Nlp.Tokenization;

/// <summary>
/// Rule-based tokenizer for news English following the UD English (EWT, GUM) conventions:
/// punctuation, quotes and brackets are tokens of their own; clitics split off ("Massoud’s" → "Massoud" "’s",
/// "don't" → "do" "n't", "cannot" → "can" "not"); hyphens between words split ("Al-Qaeda" → "Al" "-" "Qaeda")
/// except after common prefixes ("e-mail", "non-stop") and between digits ("713-853-3989");
/// abbreviations keep their period ("Mr.", "U.S.", "Inc."); URLs, e-mail addresses, numbers
/// ("1,000.5", "9/11", "10:30") stay whole. Every token keeps its trailing whitespace, so tokens re-join to the text.
/// </summary>
public sealed class Tokenizer : IDocumentStage
{
    private static readonly HashSet<string> HyphenPrefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "e", "non", "pre", "post", "co", "re", "semi", "multi", "mid", "ex", "pro", "anti", "self", "inter", "counter",
        "sub", "super", "ultra", "vice", "neo", "pseudo", "quasi", "cyber", "mini", "micro", "macro", "x", "t", "u",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HyphenPrefixLookup = HyphenPrefixes.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Name => "tokenizer";

    public string Version => "rules-1";

    public Layers Requires => Layers.Text;

    public Layers Provides => Layers.Tokens;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.SetTokens(Tokenize(document.Text));
    }

    /// <summary>Tokens of <paramref name="text"/>; the text before the first token is whitespace only.</summary>
    public static Token[] Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<Token>((text.Length / 5) + 4);
        Tokenize(text, list);
        return [.. list];
    }

    /// <summary>Appends the tokens of <paramref name="text"/> to <paramref name="output"/> (no other allocation).</summary>
    public static void Tokenize(string text, List<Token> output)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(output);
        int first = output.Count;
        int i = 0, n = text.Length;
        while (i < n)
        {
            while (i < n && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            int s = i;
            while (i < n && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > s)
            {
                SplitChunk(text, s, i, output);
            }
        }

        var span = CollectionsMarshal.AsSpan(output);
        for (int k = first; k < span.Length; k++)
        {
            int next = k + 1 < span.Length ? span[k + 1].Start : n;
            span[k].WhitespaceLength = next - span[k].End;
        }
    }

    private static void Add(List<Token> output, int start, int end) => output.Add(new Token(new CharRange(start, end), 0));

    private static bool IsOpener(char c) => c is '"' or '\'' or '(' or '[' or '{' or '“' or '‘' or '«' or '‹' or '„' or '`' or '¿' or '¡' or '<';

    private static bool IsCloser(char c) => c is '"' or '\'' or ')' or ']' or '}' or '”' or '’' or '»' or '›' or '>';

    private static bool IsApostrophe(char c) => c is '\'' or '’' or '‘';

    private static bool IsCurrency(char c) => c is '$' or '€' or '£' or '¥' or '₹' or '#';

    private static bool IsDash(char c) => c is '—' or '–' or '―';

    /// <summary>"'90s", "'em", "'til": an apostrophe that starts a word rather than opening a quote.</summary>
    private static bool StartsApostropheWord(string text, int at, int end)
    {
        int len = end - at;
        if (len >= 2 && char.IsDigit(text[at]) && char.IsDigit(text[at + 1]))
        {
            return len == 2 || (len == 3 && text[at + 2] == 's');
        }

        var w = text.AsSpan(at, len);
        return w.Equals("em", StringComparison.OrdinalIgnoreCase) || w.Equals("til", StringComparison.OrdinalIgnoreCase) || w.Equals("cause", StringComparison.OrdinalIgnoreCase);
    }

    private static void SplitChunk(string text, int a, int b, List<Token> output)
    {
        // Leading openers, currency signs and dashes.
        while (a < b)
        {
            char c = text[a];
            if (c == '`' && a + 1 < b && text[a + 1] == '`')
            {
                Add(output, a, a + 2);
                a += 2;
                continue;
            }

            if (IsOpener(c))
            {
                if (IsApostrophe(c) && StartsApostropheWord(text, a + 1, TrailingWordEnd(text, a + 1, b)))
                {
                    break;
                }

                if (c == '<' && IsUrlOrEmail(text.AsSpan(a + 1, b - a - 1)))
                {
                    Add(output, a, a + 1);
                    a++;
                    continue;
                }

                if (c == '<' && a + 1 < b && !char.IsLetterOrDigit(text[a + 1]))
                {
                    break;
                }

                Add(output, a, a + 1);
                a++;
                continue;
            }

            if (IsCurrency(c) && a + 1 < b && char.IsDigit(text[a + 1]))
            {
                Add(output, a, a + 1);
                a++;
                continue;
            }

            if (IsDash(c) || c == '…')
            {
                Add(output, a, a + 1);
                a++;
                continue;
            }

            if ((c == '-' || c == '.') && a + 1 < b && text[a + 1] == c)
            {
                int j = a;
                while (j < b && text[j] == c)
                {
                    j++;
                }

                Add(output, a, j);
                a = j;
                continue;
            }

            break;
        }

        if (a >= b)
        {
            return;
        }

        // Trailing closers and punctuation, collected from the end; each cut starts a token that runs to the previous cut.
        Span<int> cuts = stackalloc int[24];
        int nc = 0;
        int end = b;
        bool url = IsUrlOrEmail(text.AsSpan(a, b - a));
        while (end > a && nc < cuts.Length - 1)
        {
            char c = text[end - 1];
            if (end - 1 == a)
            {
                break;
            }

            if (IsCloser(c) || c is ',' or ';' or ':' or '!' or '?' or '…' || IsDash(c) || (c == '%' && !url))
            {
                if (c == '>' && !url)
                {
                    break;
                }

                cuts[nc++] = end - 1;
                end--;
                continue;
            }

            if (c == '.' || c == '-')
            {
                int j = end - 1;
                while (j > a && text[j - 1] == c)
                {
                    j--;
                }

                if (end - j >= 2)
                {
                    cuts[nc++] = j;
                    end = j;
                    continue;
                }

                if (c == '-')
                {
                    if (!char.IsLetterOrDigit(text[end - 2]))
                    {
                        cuts[nc++] = end - 1;
                        end--;
                        continue;
                    }

                    break;
                }

                if (!url && Abbreviations.KeepsPeriod(text.AsSpan(a, end - 1 - a), NextVisible(text, b)))
                {
                    break;
                }

                cuts[nc++] = end - 1;
                end--;
                continue;
            }

            break;
        }

        if (end > a)
        {
            if (IsUrlOrEmail(text.AsSpan(a, end - a)))
            {
                Add(output, a, end);
            }
            else
            {
                SplitMiddle(text, a, end, output);
            }
        }

        int stop = b;
        for (int k = 0; k < nc; k++)
        {
            // cuts were collected right to left; emit left to right.
            int start = cuts[nc - 1 - k];
            int tokenEnd = k + 1 < nc ? cuts[nc - 2 - k] : stop;
            Add(output, start, tokenEnd);
        }
    }

    private static char NextVisible(string text, int at)
    {
        while (at < text.Length && char.IsWhiteSpace(text[at]))
        {
            at++;
        }

        return at < text.Length ? text[at] : '\0';
    }

    private static int TrailingWordEnd(string text, int at, int end)
    {
        int j = at;
        while (j < end && char.IsLetterOrDigit(text[j]))
        {
            j++;
        }

        return j;
    }

    public static bool IsUrlOrEmail(ReadOnlySpan<char> s)
    {
        if (s.Length < 4)
        {
            return false;
        }

        if (s.Contains("://", StringComparison.Ordinal) || s.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        int at = s.IndexOf('@');
        if (at > 0 && at < s.Length - 3 && char.IsLetterOrDigit(s[at - 1]))
        {
            int dot = s[(at + 1)..].IndexOf('.');
            return dot > 0 && at + 1 + dot < s.Length - 1 && char.IsLetter(s[at + 2 + dot]);
        }

        // Bare domains such as "reuters.com" or "bbc.co.uk".
        int lastDot = s.LastIndexOf('.');
        if (lastDot > 0 && lastDot < s.Length - 2)
        {
            var tld = s[(lastDot + 1)..];
            if (tld is "com" or "org" or "net" or "gov" or "edu" or "uk" or "io" or "int" && char.IsLetterOrDigit(s[lastDot - 1]))
            {
                foreach (char ch in s)
                {
                    if (!(char.IsLetterOrDigit(ch) || ch is '.' or '-' or '/' or '_'))
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }

    /// <summary>Splits the inside of a chunk at dashes, brackets, quotes and hyphens between words.</summary>
    private static void SplitMiddle(string text, int a, int end, List<Token> output)
    {
        int segStart = a;
        int p = a;
        while (p < end)
        {
            char c = text[p];
            int sepLen = 0;
            if (IsDash(c) || c == '…' || c is '"' or '“' or '”' or '(' or ')' or '[' or ']' or '{' or '}' or '«' or '»')
            {
                sepLen = 1;
            }
            else if ((c == '-' || c == '.') && p + 1 < end && text[p + 1] == c)
            {
                sepLen = 2;
                while (p + sepLen < end && text[p + sepLen] == c)
                {
                    sepLen++;
                }
            }
            else if (c == '-' && p > segStart && p + 1 < end && char.IsLetter(text[p + 1]))
            {
                char left = text[p - 1];
                if ((char.IsLetterOrDigit(left) || left is '.' or ')') && !HyphenPrefixLookup.Contains(text.AsSpan(segStart, p - segStart)))
                {
                    sepLen = 1;
                }
            }
            else if ((c == ',' || c == ';') && p > segStart && p + 1 < end && !(char.IsDigit(text[p - 1]) && char.IsDigit(text[p + 1])))
            {
                sepLen = 1;
            }
            else if (c == '/' && p > segStart && p + 1 < end && char.IsLetter(text[p - 1]) && char.IsLetter(text[p + 1]) && p - segStart > 1 && end - p > 2)
            {
                sepLen = 1;
            }

            if (sepLen == 0)
            {
                p++;
                continue;
            }

            if (p > segStart)
            {
                SplitClitics(text, segStart, p, output);
            }

            Add(output, p, p + sepLen);
            p += sepLen;
            segStart = p;
        }

        if (end > segStart)
        {
            SplitClitics(text, segStart, end, output);
        }
    }

    /// <summary>"don't" → "do" "n't", "Massoud’s" → "Massoud" "’s", "cannot" → "can" "not", "gonna" → "gon" "na".</summary>
    private static void SplitClitics(string text, int a, int b, List<Token> output)
    {
        var w = text.AsSpan(a, b - a);
        int len = w.Length;
        if (len >= 4 && IsApostrophe(w[len - 2]) && (w[len - 1] | 0x20) == 't' && (w[len - 3] | 0x20) == 'n' && char.IsLetter(w[len - 4]))
        {
            Add(output, a, b - 3);
            Add(output, b - 3, b);
            return;
        }

        if (len >= 3 && char.IsLetter(w[0]))
        {
            // 's 'd 'm
            if (IsApostrophe(w[len - 2]) && ((w[len - 1] | 0x20) is 's' or 'd' or 'm') && char.IsLetter(w[len - 3]))
            {
                Add(output, a, b - 2);
                Add(output, b - 2, b);
                return;
            }

            // 're 've 'll
            if (len >= 4 && IsApostrophe(w[len - 3]) && char.IsLetter(w[len - 4]))
            {
                char x = (char)(w[len - 2] | 0x20), y = (char)(w[len - 1] | 0x20);
                if ((x == 'r' && y == 'e') || (x == 'v' && y == 'e') || (x == 'l' && y == 'l'))
                {
                    Add(output, a, b - 3);
                    Add(output, b - 3, b);
                    return;
                }
            }
        }

        if (len == 6 && w.Equals("cannot", StringComparison.OrdinalIgnoreCase))
        {
            Add(output, a, a + 3);
            Add(output, a + 3, b);
            return;
        }

        if (len == 5 && (w.Equals("gonna", StringComparison.OrdinalIgnoreCase) || w.Equals("gotta", StringComparison.OrdinalIgnoreCase) || w.Equals("wanna", StringComparison.OrdinalIgnoreCase)))
        {
            Add(output, a, a + 3);
            Add(output, a + 3, b);
            return;
        }

        Add(output, a, b);
    }
}
