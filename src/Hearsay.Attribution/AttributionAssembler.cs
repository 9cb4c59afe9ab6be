using Hearsay.Attribution.Tagging;
using Hearsay.Core.Documents;

namespace Hearsay.Attribution;

/// <summary>
/// Groups tagged spans into attributions: one per cue; each source and content span joins the
/// nearest cue of its sentence; content in a sentence without a cue continues the previous
/// sentence's attribution when that one's content ran to its end (a quote over several
/// sentences), else it belongs to the first cue of the next sentence.
/// </summary>
public static class AttributionAssembler
{
    public static List<AttributionGroup> Group(Document doc, List<TaggedSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ArgumentNullException.ThrowIfNull(spans);
        var groups = new List<AttributionGroup>();
        var bySentence = new Dictionary<int, List<AttributionGroup>>();
        foreach (var s in spans)
        {
            if (s.Role == AttributionRole.Cue)
            {
                var g = new AttributionGroup(s);
                groups.Add(g);
                if (!bySentence.TryGetValue(s.Sentence, out var list))
                {
                    bySentence[s.Sentence] = list = [];
                }

                list.Add(g);
            }
        }

        var orphans = new List<TaggedSpan>();
        foreach (var s in spans)
        {
            if (s.Role == AttributionRole.Cue)
            {
                continue;
            }

            if (!bySentence.TryGetValue(s.Sentence, out var list))
            {
                orphans.Add(s);
                continue;
            }

            if (s.Role == AttributionRole.Source)
            {
                // Nearest cue; a closer source displaces a farther one (the farther is usually part of the content).
                var g = Nearest(list, s, _ => true)!;
                if (g.Source is not { } had || Distance(s, g) < Distance(had, g))
                {
                    g.Source = s;
                }
            }
            else
            {
                Nearest(list, s, _ => true)!.Content.Add(s);
            }
        }

        foreach (var s in orphans)
        {
            if (s.Role != AttributionRole.Content)
            {
                continue;
            }

            AttributionGroup? target = null;
            if (bySentence.TryGetValue(s.Sentence - 1, out var prev) && prev[^1].Content.Count > 0
                && prev[^1].Content[^1].Tokens.End >= doc.Sentences[s.Sentence - 1].Tokens.End - 1)
            {
                target = prev[^1];
            }
            else if (bySentence.TryGetValue(s.Sentence + 1, out var next))
            {
                target = next[0];
            }
            else if (StartsWithQuote(doc, s) && groups.FirstOrDefault(g => g.Cue.Sentence > s.Sentence && g.Cue.Sentence <= s.Sentence + 4 && g.Content.Count > 0 && StartsWithQuote(doc, g.Content[0])) is { } later)
            {
                // A quote over several paragraphs, attributed in its last one.
                target = later;
            }
            else
            {
                // A quote continuing over several cue-less sentences joins the attribution whose content reached here.
                foreach (var g in groups)
                {
                    if (g.Content.Count > 0 && g.Content[^1].Sentence == s.Sentence - 1 && g.Content[^1].Tokens.End >= doc.Sentences[s.Sentence - 1].Tokens.End - 1)
                    {
                        target = g;
                    }
                }
            }

            if (target is not null)
            {
                target.Content.Add(s);
                target.Content.Sort((a, b) => a.Tokens.Start.CompareTo(b.Tokens.Start));
            }
        }

        return groups;
    }

    private static AttributionGroup? Nearest(List<AttributionGroup> list, TaggedSpan s, Func<AttributionGroup, bool> accept)
    {
        AttributionGroup? best = null;
        int bestD = int.MaxValue;
        foreach (var g in list)
        {
            if (!accept(g))
            {
                continue;
            }

            int d = Distance(s, g);
            if (d < bestD)
            {
                bestD = d;
                best = g;
            }
        }

        return best;
    }

    private static bool StartsWithQuote(Document doc, TaggedSpan s)
    {
        int t = s.Tokens.Start;
        if (t > 0 && doc.Text[doc.Tokens[t - 1].Start] is '"' or '“')
        {
            return true;
        }

        return doc.Text[doc.Tokens[t].Start] is '"' or '“';
    }

    private static int Distance(TaggedSpan s, AttributionGroup g) =>
        Math.Abs(s.Tokens.End <= g.Cue.Tokens.Start ? g.Cue.Tokens.Start - s.Tokens.End : s.Tokens.Start - g.Cue.Tokens.End);
}
