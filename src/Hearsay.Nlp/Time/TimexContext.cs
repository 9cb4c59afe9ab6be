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
    /// Whether the clause speaks of the future ("will meet Friday", "is scheduled for March"), which turns
    /// a bare weekday or month forward from the anchor; news otherwise reports what already happened.
    /// </summary>
    public bool IsFuture
    {
        get
        {
            int from = Start, steps = 0;
            while (from > 0 && steps < 90 && Text[from - 1] is not ('.' or '!' or '?' or '\n' or ';'))
            {
                from--;
                steps++;
            }

            int to = End;
            steps = 0;
            while (to < Text.Length && steps < 40 && Text[to] is not ('.' or '!' or '?' or '\n' or ';' or ','))
            {
                to++;
                steps++;
            }

            var before = Text.AsSpan(from, Start - from);
            var after = Text.AsSpan(End, to - End);
            if (PastCue().IsMatch(before) && !FutureCue().IsMatch(before))
            {
                return false;
            }

            return FutureCue().IsMatch(before) || FutureCue().IsMatch(after);
        }
    }

    [GeneratedRegex(@"(?i)(?<![\w'])(?:will|won't|'ll|shall|going\s+to|scheduled|expected\s+to|plans?\s+to|planned|due\s+to|would|until|next|upcoming|begins?|starting)(?!\w)")]
    private static partial Regex FutureCue();

    [GeneratedRegex(@"(?i)(?<![\w'])(?:said|was|were|had|did|ago|last)(?!\w)")]
    private static partial Regex PastCue();
}
