using Hearsay.Core.Documents;

namespace Hearsay.Attribution.Rules;

/// <summary>
/// Finds who an attribution's source got its information from, in the words that follow the
/// cue: "citing X", "quoting X", "according to X", and, inside such a phrase, "X speaking to Y",
/// "X who spoke to Y", "X told Y". The chain is ordered along the path of the information:
/// the nearest relay first, the origin last ("citing a source speaking to Y" gives Y, then the source).
/// </summary>
public static class ChainFinder
{
    private static readonly string[] CitingCues = ["citing", "quoting", "according to", "per", "via"];

    private static readonly string[] RelayCues = ["speaking to", "talking to", "who spoke to", "who talked to", "who told", "told", "in an interview with", "spoke to"];

    /// <summary>Chain links found in [<paramref name="from"/>, <paramref name="to"/>) token positions, outside the content.</summary>
    public static List<(CharRange Range, CharRange Cue)> Find(Document doc, int from, int to, IReadOnlyList<CharRange> content)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var links = new List<(CharRange, CharRange)>();
        var tokens = doc.Tokens;
        for (int t = from; t < to; t++)
        {
            if (InContent(tokens[t].Range, content))
            {
                continue;
            }

            int cueLen = Match(doc, t, to, CitingCues);
            if (cueLen == 0)
            {
                continue;
            }

            var cue = new CharRange(tokens[t].Start, tokens[t + cueLen - 1].End);
            int npStart = t + cueLen;
            int npEnd = PhraseEnd(doc, npStart, to);
            if (npEnd <= npStart)
            {
                continue;
            }

            var origin = (new CharRange(tokens[npStart].Start, tokens[npEnd - 1].End), cue);

            // "X speaking to Y": Y relayed what X said, so Y comes first.
            int relayLen = npEnd < to ? Match(doc, npEnd, to, RelayCues) : 0;
            if (relayLen > 0)
            {
                int yStart = npEnd + relayLen;
                int yEnd = PhraseEnd(doc, yStart, to);
                if (yEnd > yStart)
                {
                    var relayCue = new CharRange(tokens[npEnd].Start, tokens[npEnd + relayLen - 1].End);
                    links.Add((new CharRange(tokens[yStart].Start, tokens[yEnd - 1].End), relayCue));
                }
            }

            links.Add(origin);
            break;
        }

        return links;
    }

    private static bool InContent(CharRange r, IReadOnlyList<CharRange> content)
    {
        foreach (var c in content)
        {
            if (c.Overlaps(r))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Length in tokens of the first cue phrase matching at token <paramref name="t"/>, or 0.</summary>
    private static int Match(Document doc, int t, int to, string[] phrases)
    {
        foreach (var phrase in phrases)
        {
            var parts = phrase.Split(' ');
            if (t + parts.Length > to)
            {
                continue;
            }

            bool ok = true;
            for (int k = 0; k < parts.Length && ok; k++)
            {
                ok = doc.Text.AsSpan(doc.Tokens[t + k].Start, doc.Tokens[t + k].Range.Length).Equals(parts[k], StringComparison.OrdinalIgnoreCase);
            }

            if (ok)
            {
                return parts.Length;
            }
        }

        return 0;
    }

    /// <summary>End of a noun phrase starting at <paramref name="start"/>: before punctuation, a verb-like relay cue, or a clause word.</summary>
    private static int PhraseEnd(Document doc, int start, int to)
    {
        int t = start;
        while (t < to)
        {
            var w = doc.Text.AsSpan(doc.Tokens[t].Start, doc.Tokens[t].Range.Length);
            if (w is "," or "." or ";" or ":" or "?" or "!" or "(" or ")" or "\"" or "“" or "”" or "—" or "–" or "--"
                || w is "speaking" or "talking" or "who" or "which" or "that" or "told" or "said" or "says" or "spoke" or "on" or "in" or "as" or "and")
            {
                break;
            }

            if (t > start && doc.Tokens[t].Upos is "VERB" or "AUX")
            {
                break;
            }

            t++;
        }

        return t;
    }
}
