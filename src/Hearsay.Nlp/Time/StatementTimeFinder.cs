using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Time;

/// <summary>
/// When a reported statement was made: the DATE or TIME expression attached to its cue in the same clause
/// ("Al-Arabiya <b>reported</b> on <b>Sunday</b>", "<b>On Sunday</b>, officials <b>said</b>"), not one inside the
/// reported content ("said that on Monday ..." dates the content, not the saying).
/// </summary>
public sealed class StatementTimeFinder
{
    private readonly TimexRecognizer _recognizer = new();

    /// <summary>The expression dating the statement whose cue is <paramref name="cue"/>, or null when the clause gives none.</summary>
    public StatementTime? Find(Document document, CharRange cue)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = document.Text;
        if (cue.End > text.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(cue), $"Cue {cue} lies outside the document text ({text.Length} characters).");
        }

        var times = document.Has(Layers.TimeExpressions) ? document.TimeExpressions : _recognizer.Recognize(text, document.Metadata.Published);
        var sentence = SentenceAround(document, cue);
        TimeExpression? best = null;
        int bestScore = int.MaxValue;
        foreach (var t in times)
        {
            if (t.Type is not (TimexType.Date or TimexType.Time) || !sentence.Contains(t.Range) || t.Range.Overlaps(cue))
            {
                continue;
            }

            int score;
            if (t.Range.Start >= cue.End)
            {
                // After the cue: only the words that can sit between a verb and its time adverbial.
                if (!OnlyAdverbialWords(text.AsSpan(cue.End, t.Range.Start - cue.End)))
                {
                    continue;
                }

                score = t.Range.Start - cue.End;
            }
            else
            {
                var between = text.AsSpan(t.Range.End, cue.Start - t.Range.End);
                if (between.IndexOfAny('"', '“', '”') >= 0 || between.Contains(" that ", StringComparison.Ordinal))
                {
                    continue;
                }

                // Before the cue: a fronted adverbial ("On Sunday, X said") or one inside the subject clause.
                score = between.Length + 20;
            }

            if (score < bestScore)
            {
                bestScore = score;
                best = t;
            }
        }

        return best is null ? null : new StatementTime(best.Range, best.Value);
    }

    private static bool OnlyAdverbialWords(ReadOnlySpan<char> between)
    {
        int words = 0;
        foreach (var range in between.Split(' '))
        {
            var w = between[range].Trim();
            if (w.IsEmpty)
            {
                continue;
            }

            words++;
            if (words > 4 || w.IndexOfAny('"', '“', ':') >= 0 || w.Equals("that", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (!(w.Equals("on", StringComparison.OrdinalIgnoreCase) || w.Equals("in", StringComparison.OrdinalIgnoreCase)
                || w.Equals("at", StringComparison.OrdinalIgnoreCase) || w.Equals("late", StringComparison.OrdinalIgnoreCase)
                || w.Equals("early", StringComparison.OrdinalIgnoreCase) || w.Equals("earlier", StringComparison.OrdinalIgnoreCase)
                || w.Equals("during", StringComparison.OrdinalIgnoreCase) || w.Equals("last", StringComparison.OrdinalIgnoreCase)
                || w.Equals("this", StringComparison.OrdinalIgnoreCase) || w.Equals("it", StringComparison.OrdinalIgnoreCase)
                || w.Equals("he", StringComparison.OrdinalIgnoreCase) || w.Equals("she", StringComparison.OrdinalIgnoreCase)
                || w.Equals("they", StringComparison.OrdinalIgnoreCase) || w.Equals("publicly", StringComparison.OrdinalIgnoreCase)
                || w.Equals("by", StringComparison.OrdinalIgnoreCase) || w.Equals("statement", StringComparison.OrdinalIgnoreCase)
                || w.Equals("a", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ly", StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }

        return true;
    }

    private static CharRange SentenceAround(Document document, CharRange cue)
    {
        if (document.Has(Layers.Sentences) && document.Has(Layers.Tokens) && document.Tokens.Length > 0)
        {
            int token = document.TokenAt(cue.Start);
            int s = token < 0 ? -1 : document.SentenceOf(token);
            if (s >= 0)
            {
                return document.CharRangeOf(document.Sentences[s].Tokens);
            }
        }

        var text = document.Text;
        int start = cue.Start;
        while (start > 0 && !IsSentenceEnd(text, start - 1))
        {
            start--;
        }

        int end = cue.End;
        while (end < text.Length && !IsSentenceEnd(text, end))
        {
            end++;
        }

        return new CharRange(start, Math.Min(text.Length, end + 1));
    }

    private static bool IsSentenceEnd(string text, int i)
    {
        char c = text[i];
        if (c == '\n' || c == '!' || c == '?')
        {
            return true;
        }

        // A period ends a sentence when a space and a capital follow, not inside "Sept. 12" or "a.m.".
        return c == '.' && i + 2 < text.Length && text[i + 1] == ' ' && char.IsUpper(text[i + 2]) && !IsAbbreviation(text, i);
    }

    private static bool IsAbbreviation(string text, int period)
    {
        int s = period;
        while (s > 0 && char.IsLetter(text[s - 1]))
        {
            s--;
        }

        var word = text.AsSpan(s, period - s);
        return word.Length is > 0 and <= 4 && (TimeLexicon.Month(word) != 0 || word is "Mr" or "Mrs" or "Ms" or "Dr" or "St" or "Gen" or "Sen" or "Rep" or "Gov" or "Lt" or "Col" or "Sgt" || word.Length == 1);
    }
}
