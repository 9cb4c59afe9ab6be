using System.Globalization;
using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;

namespace Hearsay.Nlp.Time;

/// <summary>
/// Finds TIMEX3 expressions (DATE, TIME, DURATION, SET) in the text and normalizes their TimeML values
/// against the document date (<see cref="DocumentMetadata.Published"/>) with news reference-time rules.
/// Rules only: a compact grammar over the raw text, so it needs no tokens.
/// </summary>
public sealed class TimexRecognizer : ModelStage<IReadOnlyList<TimeExpression>>
{
    public override string Name => "timex";

    public override string Version => "rules-1";

    public override Layers Requires => Layers.Text;

    public override Layers Provides => Layers.TimeExpressions;

    public override IReadOnlyList<TimeExpression> Predict(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return Recognize(document.Text, document.Metadata.Published, cancellationToken);
    }

    public override void Apply(Document document, IReadOnlyList<TimeExpression> prediction)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.SetTimeExpressions(prediction);
    }

    /// <summary>Time expressions in <paramref name="text"/>, in text order, resolved against <paramref name="anchor"/> (unresolved "XXXX" parts when null).</summary>
    public IReadOnlyList<TimeExpression> Recognize(string text, DateOnly? anchor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = RecognizeAgainst(text, anchor, cancellationToken);
        return anchor is null ? result : AnchorQuotes(text, anchor.Value, result, cancellationToken);
    }

    private static IReadOnlyList<TimeExpression> RecognizeAgainst(string text, DateOnly? anchor, CancellationToken cancellationToken)
    {
        var candidates = new List<Candidate>();
        var rules = TimexGrammar.Rules;
        for (int r = 0; r < rules.Count; r++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rule = rules[r];
            for (var m = rule.Pattern.Match(text); m.Success; m = m.NextMatch())
            {
                if (m.Length == 0)
                {
                    continue;
                }

                var context = new TimexContext(text, anchor, m.Index, m.Index + m.Length);
                if (rule.Resolve(m, context, out var type, out var value))
                {
                    candidates.Add(new Candidate(m.Index, m.Index + m.Length, r, type, value));
                }
            }
        }

        // Longest expression wins; on equal length the earlier (more specific) rule does.
        candidates.Sort(static (a, b) =>
        {
            int c = (b.End - b.Start).CompareTo(a.End - a.Start);
            return c != 0 ? c : a.Rule.CompareTo(b.Rule);
        });
        var taken = new List<Candidate>();
        foreach (var c in candidates)
        {
            bool overlaps = false;
            foreach (var t in taken)
            {
                if (c.Start < t.End && t.Start < c.End)
                {
                    overlaps = true;
                    break;
                }
            }

            if (!overlaps)
            {
                taken.Add(c);
            }
        }

        taken.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        var anchorValue = anchor is { } a ? TimeLexicon.Day(a) : null;
        var result = new TimeExpression[taken.Count];
        DateOnly? lastDate = anchor;
        int? lastYear = anchor?.Year;
        string? lastQuarter = null;
        int lastQuarterEnd = 0;
        for (int i = 0; i < taken.Count; i++)
        {
            var c = taken[i];
            var value = c.Value;
            bool yearBack = YearBack(text.AsSpan(c.Start, c.End - c.Start));
            if (value.StartsWith(TimexGrammar.ReferencePrefix, StringComparison.Ordinal))
            {
                // "that day", "the next morning": the story's own timeline, not the publication date.
                value = TimexGrammar.ResolveReference(value, lastDate, lastYear);
            }
            else if (lastQuarter is not null && yearBack && !text.AsSpan(lastQuarterEnd, c.Start - lastQuarterEnd).Contains(". ", StringComparison.Ordinal))
            {
                // "third-quarter profit rose from $1 a year earlier": the same quarter a year before.
                value = (int.Parse(lastQuarter.AsSpan(0, 4), CultureInfo.InvariantCulture) - 1).ToString("0000", CultureInfo.InvariantCulture) + lastQuarter[4..];
            }

            if (c.Type is TimexType.Date or TimexType.Time && !yearBack)
            {
                if (value.Length == 7 && value[4] == '-' && value[5] == 'Q' && char.IsDigit(value[0]))
                {
                    lastQuarter = value;
                    lastQuarterEnd = c.End;
                }

                if (value.Length >= 10 && DateOnly.TryParseExact(value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                {
                    lastDate = d;
                    lastYear = d.Year;
                }
                else if (value.Length >= 4 && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y))
                {
                    lastYear = y;
                }
            }

            result[i] = new TimeExpression(new CharRange(c.Start, c.End), c.Type, value) { AnchorValue = anchorValue };
        }

        return result;
    }

    /// <summary>
    /// A quotation dated in its own sentence ("On March 3 he said: \"Yesterday we won.\"") speaks from that date:
    /// the relative expressions inside it are resolved against the speech's date, not the article's.
    /// </summary>
    private static IReadOnlyList<TimeExpression> AnchorQuotes(string text, DateOnly anchor, IReadOnlyList<TimeExpression> times, CancellationToken cancellationToken)
    {
        TimeExpression[]? updated = null;
        int i = 0;
        while (i < text.Length)
        {
            int open = text.IndexOfAny(['“', '"'], i);
            if (open < 0)
            {
                break;
            }

            char closeChar = text[open] == '“' ? '”' : '"';
            int close = text.IndexOf(closeChar, open + 1);
            if (close < 0)
            {
                break;
            }

            i = close + 1;
            var speech = SpeechDate(text, open, close, times, anchor);
            if (speech is not { } date || date == anchor)
            {
                continue;
            }

            var inner = text.Substring(open + 1, close - open - 1);
            var requoted = RecognizeAgainst(inner, date, cancellationToken);
            for (int t = 0; t < times.Count; t++)
            {
                var e = times[t];
                if (e.Range.Start <= open || e.Range.End > close)
                {
                    continue;
                }

                foreach (var r in requoted)
                {
                    if (r.Range.Start + open + 1 == e.Range.Start && r.Range.End + open + 1 == e.Range.End && r.Value != e.Value)
                    {
                        updated ??= [.. times];
                        updated[t] = e with { Value = r.Value, AnchorValue = TimeLexicon.Day(date) };
                    }
                }
            }
        }

        return updated ?? times;
    }

    /// <summary>A full date in the quotation's sentence, outside the quotation, before the article's date.</summary>
    private static DateOnly? SpeechDate(string text, int open, int close, IReadOnlyList<TimeExpression> times, DateOnly anchor)
    {
        int start = open;
        while (start > 0 && text[start - 1] is not ('.' or '!' or '?' or '\n'))
        {
            start--;
        }

        int end = close + 1;
        while (end < text.Length && text[end] is not ('.' or '!' or '?' or '\n'))
        {
            end++;
        }

        DateOnly? best = null;
        int bestDistance = int.MaxValue;
        foreach (var t in times)
        {
            bool outside = (t.Range.Start >= start && t.Range.End <= open) || (t.Range.Start > close && t.Range.End <= end);
            if (!outside || t.Type is not (TimexType.Date or TimexType.Time) || t.Value.Length < 10
                || !DateOnly.TryParseExact(t.Value.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) || d >= anchor)
            {
                continue;
            }

            int distance = t.Range.End <= open ? open - t.Range.End : t.Range.Start - close;
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = d;
            }
        }

        return best;
    }

    private static bool YearBack(ReadOnlySpan<char> span) =>
        span.Equals("a year ago", StringComparison.OrdinalIgnoreCase) || span.Equals("a year earlier", StringComparison.OrdinalIgnoreCase)
        || span.Equals("year-earlier", StringComparison.OrdinalIgnoreCase) || span.Equals("year-ago", StringComparison.OrdinalIgnoreCase);

    private readonly record struct Candidate(int Start, int End, int Rule, TimexType Type, string Value);
}
