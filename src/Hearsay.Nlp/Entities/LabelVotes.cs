using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Entities;

/// <summary>
/// Document-level evidence for a stacked second pass (Krishnan and Manning 2006): for each token, how the first
/// pass labelled the other occurrences of the same word form in the document ("HANO" tagged ORG three times
/// elsewhere), once for the exact form and once lower-cased. The token's own occurrence is left out, so the
/// second pass learns from agreement with the rest of the document rather than from its own first guess.
/// </summary>
public static class LabelVotes
{
    /// <summary>Votes per token: exact form, then lower-cased form.</summary>
    public const int VotesPerToken = NerFeatureExtractor.VotesPerToken;

    /// <summary>
    /// Fills <paramref name="votes"/>[k] (length n * <see cref="VotesPerToken"/>) for sentence k
    /// from the first-pass BILOU tags <paramref name="tags"/>[k] (0 is O; label j has tags 1+4j .. 4+4j) over
    /// <paramref name="labelCount"/> labels. 0 means no other occurrence.
    /// </summary>
    public static void Count(string text, IReadOnlyList<ArraySegment<Token>> sentences, IReadOnlyList<int[]> tags, int labelCount, IReadOnlyList<ulong[]> votes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(votes);
        int slots = labelCount + 1;
        var form = new Dictionary<ulong, int[]>();
        var lower = new Dictionary<ulong, int[]>();
        for (int k = 0; k < sentences.Count; k++)
        {
            var toks = sentences[k];
            for (int i = 0; i < toks.Count; i++)
            {
                var w = text.AsSpan(toks[i].Start, toks[i].Range.Length);
                int slot = tags[k][i] == BilouTags.Outside ? 0 : ((tags[k][i] - 1) / 4) + 1;
                Add(form, FormHash(w), slots)[slot]++;
                Add(lower, NerFeatureExtractor.LowerHash(w), slots)[slot]++;
            }
        }

        for (int k = 0; k < sentences.Count; k++)
        {
            var toks = sentences[k];
            var v = votes[k];
            for (int i = 0; i < toks.Count; i++)
            {
                var w = text.AsSpan(toks[i].Start, toks[i].Range.Length);
                int slot = tags[k][i] == BilouTags.Outside ? 0 : ((tags[k][i] - 1) / 4) + 1;
                v[i * NerFeatureExtractor.VotesPerToken] = Encode(form[FormHash(w)], slot);
                v[(i * NerFeatureExtractor.VotesPerToken) + 1] = Encode(lower[NerFeatureExtractor.LowerHash(w)], slot);
            }
        }
    }

    private static int[] Add(Dictionary<ulong, int[]> counts, ulong key, int slots)
    {
        if (!counts.TryGetValue(key, out var c))
        {
            counts[key] = c = new int[slots];
        }

        return c;
    }

    /// <summary>Majority slot of the other occurrences, whether they are all, some or none names, and how many (1, 2, 3+).</summary>
    private static ulong Encode(int[] counts, int own)
    {
        int total = 0, best = 0, bestCount = -1;
        for (int s = 0; s < counts.Length; s++)
        {
            int c = counts[s] - (s == own ? 1 : 0);
            total += c;
            if (c > bestCount)
            {
                bestCount = c;
                best = s;
            }
        }

        if (total == 0)
        {
            return 0;
        }

        int names = total - (counts[0] - (own == 0 ? 1 : 0));
        ulong fraction = names == 0 ? 0UL : names == total ? 2UL : 1UL;
        return 1 + ((ulong)best * 16) + (fraction * 4) + (ulong)Math.Min(total, 3);
    }

    private static ulong FormHash(ReadOnlySpan<char> w)
    {
        ulong h = 14695981039346656037UL;
        foreach (char c in w)
        {
            h = (h ^ c) * 1099511628211UL;
        }

        return h;
    }
}
