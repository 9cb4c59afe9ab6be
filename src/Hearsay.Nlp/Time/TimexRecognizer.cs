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
        document.Provenance.Add(new StageVersion(Name, Version));
    }

    /// <summary>Time expressions in <paramref name="text"/>, in text order, resolved against <paramref name="anchor"/> (unresolved "XXXX" parts when null).</summary>
    public IReadOnlyList<TimeExpression> Recognize(string text, DateOnly? anchor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
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
        for (int i = 0; i < taken.Count; i++)
        {
            var c = taken[i];
            result[i] = new TimeExpression(new CharRange(c.Start, c.End), c.Type, c.Value) { AnchorValue = anchorValue };
        }

        return result;
    }

    private readonly record struct Candidate(int Start, int End, int Rule, TimexType Type, string Value);
}
