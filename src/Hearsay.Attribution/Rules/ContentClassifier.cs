using Hearsay.Core.Documents;

namespace Hearsay.Attribution.Rules;

/// <summary>
/// Form and polarity of attributed content. Form: fully inside quotation marks is direct, a
/// quoted stretch inside reported speech is mixed, else indirect. Polarity: a negation cue
/// makes it negated, a hedge hedged, and coordinated clauses of which only some are negated mixed;
/// a cue of rejection ("denied", "rejected") turns the polarity of what it rejects.
/// </summary>
public static class ContentClassifier
{
    private static readonly HashSet<string> Negations = new(StringComparer.OrdinalIgnoreCase)
    {
        "not", "n't", "never", "no", "nobody", "nothing", "none", "neither", "nor", "cannot", "without", "didn't", "doesn't",
        "don't", "isn't", "wasn't", "weren't", "aren't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "can't", "couldn't",
        "shouldn't", "didn’t", "doesn’t", "don’t", "isn’t", "wasn’t", "hasn’t", "haven’t", "won’t", "can’t", "couldn’t", "n’t",
    };

    private static readonly HashSet<string> Hedges = new(StringComparer.OrdinalIgnoreCase)
    {
        "may", "might", "could", "possibly", "perhaps", "likely", "probably", "reportedly", "allegedly", "apparently",
        "seems", "seem", "seemed", "appears", "appear", "unclear", "maybe", "suggests", "suspected", "presumably", "unconfirmed",
    };

    // Forms, not lemmas: the lemmatizer is optional upstream, and these verbs inflect regularly.
    private static readonly HashSet<string> RejectionCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "deny", "denies", "denied", "denying", "reject", "rejects", "rejected", "rejecting", "dismiss", "dismisses",
        "dismissed", "dismissing", "refute", "refutes", "refuted", "refuting", "disavow", "disavows", "disavowed",
        "disavowing", "rebuff", "rebuffs", "rebuffed", "rebuffing", "repudiate", "repudiates", "repudiated", "repudiating",
    };

    private static readonly HashSet<string> VerbLike = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "did", "does", "do", "remains",
        "remain", "remained", "stays", "stayed", "went", "goes", "fled", "left",
    };

    public static AttributionForm Form(Document doc, IReadOnlyList<CharRange> content)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (content.Count == 0)
        {
            return AttributionForm.Indirect;
        }

        int quoteChars = 0;
        bool allQuoted = true;
        for (int i = 0; i < content.Count; i++)
        {
            var part = content[i];
            var s = doc.Slice(part).Trim();
            foreach (var c in s)
            {
                quoteChars += IsQuote(c) ? 1 : 0;
            }

            // A quote over several parts (paragraphs, or split by the cue) opens in the first and closes in the last.
            var inner = s.TrimEnd('.', ',', ';', ':', '?', '!');
            bool opens = (s.Length > 0 && IsQuote(s[0])) || QuoteBefore(doc, part.Start) || (i > 0 && OpenQuote(doc.Slice(content[i - 1])));
            bool closes = (inner.Length > 0 && IsQuote(inner[^1])) || QuoteAfter(doc, part.End) || (i + 1 < content.Count && OpenQuote(s));
            allQuoted &= opens && closes;
        }

        if (allQuoted)
        {
            return AttributionForm.Direct;
        }

        return quoteChars >= 2 || (quoteChars == 1 && content.Count == 1) ? AttributionForm.Mixed : AttributionForm.Indirect;
    }

    /// <summary>
    /// Polarity of the content as its source states it: "X denied that the port is closed" says the port is not
    /// closed, and "X rejected the seizure" opposes the seizure, so a rejection cue turns affirmed into negated and
    /// negated into affirmed. Hedged and mixed content stays as it is: turning them says nothing clearer.
    /// </summary>
    public static ContentPolarity Polarity(Document doc, IReadOnlyList<CharRange> content, CharRange cue)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var polarity = Polarity(doc, content);
        if (!IsRejection(doc, cue))
        {
            return polarity;
        }

        return polarity switch
        {
            ContentPolarity.Affirmed => ContentPolarity.Negated,
            ContentPolarity.Negated => ContentPolarity.Affirmed,
            _ => polarity,
        };
    }

    private static bool IsRejection(Document doc, CharRange cue)
    {
        var tokens = doc.Tokens;
        var range = doc.TokenRangeOf(cue);
        for (int t = range.Start; t < range.End; t++)
        {
            if (RejectionCues.Contains(doc.Text.Substring(tokens[t].Start, tokens[t].Range.Length)))
            {
                return true;
            }
        }

        return false;
    }

    public static ContentPolarity Polarity(Document doc, IReadOnlyList<CharRange> content)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var tokens = doc.Tokens;
        var segments = new List<(bool Negated, bool Verb)>();
        bool negated = false, verb = false, hedged = false, any = false;
        foreach (var part in content)
        {
            var range = doc.TokenRangeOf(part);
            for (int t = range.Start; t < range.End; t++)
            {
                var w = doc.Text.AsSpan(tokens[t].Start, tokens[t].Range.Length);
                var word = w.ToString();
                bool coordination = word is "and" or "but" or ";" && t > range.Start;
                if (coordination)
                {
                    segments.Add((negated, verb));
                    negated = false;
                    verb = false;
                }

                any = true;
                negated |= Negations.Contains(word);
                hedged |= Hedges.Contains(word);
                verb |= tokens[t].Upos is "VERB" or "AUX" || (tokens[t].Upos is null && VerbLike.Contains(word));
            }
        }

        if (!any)
        {
            return ContentPolarity.Affirmed;
        }

        segments.Add((negated, verb));
        bool someNegated = false, someAffirmedClause = false;
        foreach (var (neg, v) in segments)
        {
            someNegated |= neg;
            someAffirmedClause |= !neg && v;
        }

        if (someNegated && someAffirmedClause && segments.Count > 1)
        {
            return ContentPolarity.Mixed;
        }

        if (someNegated)
        {
            return ContentPolarity.Negated;
        }

        return hedged ? ContentPolarity.Hedged : ContentPolarity.Affirmed;
    }

    /// <summary>Whether a quotation opened in <paramref name="s"/> is still open at its end.</summary>
    private static bool OpenQuote(string s)
    {
        int open = 0;
        foreach (var c in s)
        {
            if (c is '“' or '«')
            {
                open++;
            }
            else if (c is '”' or '»')
            {
                open = Math.Max(0, open - 1);
            }
            else if (c == '"')
            {
                open = open > 0 ? open - 1 : 1;
            }
        }

        return open > 0;
    }

    internal static bool IsQuote(char c) => c is '"' or '“' or '”' or '«' or '»';

    private static bool QuoteBefore(Document doc, int start)
    {
        int i = start - 1;
        while (i >= 0 && char.IsWhiteSpace(doc.Text[i]))
        {
            i--;
        }

        return i >= 0 && IsQuote(doc.Text[i]);
    }

    private static bool QuoteAfter(Document doc, int end)
    {
        int i = end;
        while (i < doc.Text.Length && doc.Text[i] is '.' or ',' or '?' or '!')
        {
            i++;
        }

        return i < doc.Text.Length && IsQuote(doc.Text[i]);
    }
}
