using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;

namespace Hearsay.Nlp.Tokenization;

/// <summary>
/// Rule-based sentence splitter for news English. A sentence ends at ".", "!", "?" or "..." (with the closing
/// quotes and brackets glued to it) when the next word does not start in lower case; after an abbreviation
/// ("Inc.", "U.S.") only when the next word is a typical sentence opener; never after a title or an initial
/// ("Mr.", "J."). A blank line always ends a sentence, so headlines and datelines without final punctuation
/// stand alone.
/// </summary>
public sealed class SentenceSplitter : IDocumentStage
{
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those", "There", "But",
        "And", "Or", "So", "Yet", "In", "On", "At", "For", "If", "When", "While", "As", "After", "Before", "Since", "His",
        "Her", "Their", "Its", "Our", "My", "Some", "Many", "Most", "All", "No", "One", "Two", "However", "Meanwhile",
        "According", "Officials", "Police", "What", "Why", "How", "Who", "Where", "Mr.", "Mrs.", "Ms.", "Dr.", "Yes", "Oh",
        "Do", "Did", "Is", "Are", "See", "Now", "Then", "Well", "Yeah", "Although", "Even", "Here", "Let",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> OpenerLookup = Openers.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Name => "sentences";

    public string Version => "rules-1";

    public Layers Requires => Layers.Tokens;

    public Layers Provides => Layers.Sentences;

    public void Process(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.SetSentences(Split(document.Text, document.Tokens));
    }

    /// <summary>Sentences over <paramref name="tokens"/> of <paramref name="text"/>; every token belongs to exactly one.</summary>
    public static Sentence[] Split(string text, ReadOnlySpan<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<Sentence>((tokens.Length / 20) + 1);
        int start = 0;
        int n = tokens.Length;
        int i = 0;
        while (i < n)
        {
            int last = i;
            bool boundary = false;
            var word = text.AsSpan(tokens[i].Start, tokens[i].Range.Length);
            int kind = Terminal(word);
            if (kind != 0)
            {
                // Glue closing quotes and brackets written right after the terminal.
                while (last + 1 < n && tokens[last].WhitespaceLength == 0 && IsCloser(text, tokens[last + 1]))
                {
                    last++;
                }

                // Wikipedia-style citation marks ("... in 1805. [19]") belong to the sentence they follow.
                while (last + 3 < n && IsCitation(text, tokens, last + 1))
                {
                    last += 3;
                }

                if (last + 1 >= n)
                {
                    boundary = true;
                }
                else if (tokens[last].WhitespaceLength > 0 || IsOpeningPunctuation(text, tokens[last + 1]))
                {
                    var next = text.AsSpan(tokens[last + 1].Start, tokens[last + 1].Range.Length);
                    boundary = kind == 1 ? StartsSentence(next) : StartsSentenceAfterAbbreviation(word, next);
                }
            }

            // A colon or dash before a typical sentence opener ("ask: Who stood up ...?", "Did you just wash — Yes.").
            if (kind == 0 && last + 1 < n && tokens[last].WhitespaceLength > 0 && IsSoftTerminal(word))
            {
                var next = text.AsSpan(tokens[last + 1].Start, tokens[last + 1].Range.Length);
                boundary = OpenerLookup.Contains(next) && next is not ("A" or "An" or "The" or "I");
            }

            if (!boundary && last + 1 < n && HasBlankLine(text, tokens[last]))
            {
                boundary = true;
            }

            if (boundary || last + 1 >= n)
            {
                result.Add(new Sentence(new TokenRange(start, last + 1), new CharRange(tokens[start].Start, tokens[last].End)));
                start = last + 1;
            }

            i = last + 1;
        }

        return [.. result];
    }

    /// <summary>0: not terminal; 1: sentence punctuation; 2: abbreviation with its period.</summary>
    private static int Terminal(ReadOnlySpan<char> w)
    {
        bool allPunct = true;
        foreach (char c in w)
        {
            if (c is not ('.' or '!' or '?' or '…'))
            {
                allPunct = false;
                break;
            }
        }

        if (allPunct)
        {
            return 1;
        }

        if (w.Length >= 2 && w[^1] == '.')
        {
            var stem = w[..^1];
            return Abbreviations.IsPrenominal(stem) && !IsMultiLetterInitials(stem) ? 0 : 2;
        }

        return 0;
    }

    private static bool IsSoftTerminal(ReadOnlySpan<char> w) => w is ":" or "—" or "--" or "–";

    private static bool IsMultiLetterInitials(ReadOnlySpan<char> stem) => stem.Length >= 3 && char.IsUpper(stem[0]) && Abbreviations.IsInitials(stem);

    private static bool IsCitation(string text, ReadOnlySpan<Token> tokens, int at)
    {
        if (tokens[at].Range.Length != 1 || text[tokens[at].Start] != '[' || tokens[at + 2].Range.Length != 1 || text[tokens[at + 2].Start] != ']')
        {
            return false;
        }

        foreach (char c in text.AsSpan(tokens[at + 1].Start, tokens[at + 1].Range.Length))
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool StartsSentence(ReadOnlySpan<char> next)
    {
        char c = next[0];
        return !char.IsLower(c) && c is not (',' or ';' or ':' or ')' or ']' or '}' or '%');
    }

    private static bool StartsSentenceAfterAbbreviation(ReadOnlySpan<char> abbreviation, ReadOnlySpan<char> next)
    {
        if (!StartsSentence(next))
        {
            return false;
        }

        if (!char.IsLetter(next[0]))
        {
            return next[0] is '"' or '“' or '\'' or '‘';
        }

        return OpenerLookup.Contains(next) && !(abbreviation.Length == 2 && char.IsUpper(abbreviation[0]));
    }

    private static bool IsCloser(string text, Token t) =>
        t.Range.Length == 1 && text[t.Start] is '"' or '\'' or ')' or ']' or '}' or '”' or '’' or '»';

    private static bool IsOpeningPunctuation(string text, Token t) =>
        t.Range.Length == 1 && text[t.Start] is '(' or '[' or '“' or '‘' or '«';

    private static bool HasBlankLine(string text, Token t)
    {
        int newlines = 0;
        for (int k = t.End; k < t.EndWithWhitespace; k++)
        {
            if (text[k] == '\n')
            {
                if (++newlines == 2)
                {
                    return true;
                }
            }
            else if (text[k] == '\u2029')
            {
                return true;
            }
        }

        return false;
    }
}
