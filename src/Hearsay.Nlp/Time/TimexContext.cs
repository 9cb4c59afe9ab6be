using System.Text.RegularExpressions;

namespace Hearsay.Nlp.Time;

/// <summary>What resolving one match needs: the anchor date, and the clause around the match for tense cues.</summary>
internal readonly partial struct TimexContext
{
    public TimexContext(string text, DateOnly? anchor, int start, int end)
    {
        Text = text;
        Anchor = anchor;
        Start = start;
        End = end;
    }

    public string Text { get; }

    public DateOnly? Anchor { get; }

    public int Start { get; }

    public int End { get; }

    /// <summary>
    /// Whether the clause speaks of the future ("will meet Friday", "plans to vote in March"), which turns
    /// a bare weekday or month forward from the anchor. The tense cue nearest before the expression decides;
    /// news otherwise reports what already happened.
    /// </summary>
    public bool IsFuture => Tense > 0;

    /// <summary>+1 future, -1 past, 0 no cue in the clause.</summary>
    public int Tense
    {
        get
        {
            if (PastVerbJustBefore())
            {
                return -1; // "announced Wednesday", "said on Friday": the verb the expression modifies is past
            }

            // The clause before the expression: back to a sentence break, a comma or a quotation mark.
            int from = Start, steps = 0;
            while (from > 0 && steps < 100 && Text[from - 1] is not ('.' or '!' or '?' or '\n' or ';' or ',' or '"' or '`' or '“' or '”'))
            {
                from--;
                steps++;
            }

            var before = Text.AsSpan(from, Start - from);
            int future = -1, past = -1;
            foreach (var m in FutureCue().EnumerateMatches(before))
            {
                future = m.Index;
            }

            foreach (var m in PastCue().EnumerateMatches(before))
            {
                past = m.Index;
            }

            if (before.TrimEnd().EndsWith(" by", StringComparison.OrdinalIgnoreCase))
            {
                return 1;
            }

            if (future >= 0 || past >= 0)
            {
                return future >= past ? 1 : -1;
            }

            int to = End;
            steps = 0;
            while (to < Text.Length && steps < 40 && Text[to] is not ('.' or '!' or '?' or '\n' or ';' or ','))
            {
                to++;
                steps++;
            }

            var after = Text.AsSpan(End, to - End);
            return FutureCue().IsMatch(after) ? 1 : PastCue().IsMatch(after) ? -1 : 0;
        }
    }

    private bool PastVerbJustBefore()
    {
        int i = Start;
        for (int word = 0; word < 2; word++)
        {
            while (i > 0 && Text[i - 1] == ' ')
            {
                i--;
            }

            int end = i;
            while (i > 0 && char.IsLetter(Text[i - 1]))
            {
                i--;
            }

            var w = Text.AsSpan(i, end - i);
            if (w.Equals("on", StringComparison.OrdinalIgnoreCase) || w.Equals("late", StringComparison.OrdinalIgnoreCase)
                || w.Equals("early", StringComparison.OrdinalIgnoreCase) || w.Equals("until", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && !w.Equals("scheduled", StringComparison.Ordinal) && !w.Equals("expected", StringComparison.Ordinal) && !w.Equals("planned", StringComparison.Ordinal))
                || IrregularPast().IsMatch(w);
        }

        return false;
    }

    [GeneratedRegex(@"^(?:said|told|met|left|came|went|took|made|held|gave|began|found|sent|saw|fell|rose|won|lost|hit|struck|spoke|wrote|became|brought|fought|built|kept|knew|led|ran|sold|shot|stood|thought|tore|died|was|were|had|did)$", RegexOptions.IgnoreCase)]
    private static partial Regex IrregularPast();

    [GeneratedRegex(@"(?i)(?<![\w'])(?:will|won't|'ll|shall|going\s+to|scheduled\s+to|scheduled\s+for|expected\s+to|plans?\s+to|planning\s+to|would|upcoming|set\s+to|might|must|should|as\s+early\s+as|as\s+soon\s+as|deadline)(?!\w)")]
    private static partial Regex FutureCue();

    [GeneratedRegex(@"(?i)(?<![\w'])(?:said|says|was|were|had|did|ago|last|told|announced|reported|met|held|took|came|went|left)(?!\w)")]
    private static partial Regex PastCue();
}
