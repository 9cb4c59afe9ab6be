using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Entities;

/// <summary>
/// Names seen in training data, keyed by the hash of their lower-cased tokens, with their most frequent label.
/// One-word entries that occur more often as ordinary words than as names ("will", "bush") are left out.
/// The tagger sees matches as features, not as decisions; the trainer builds these from other folds of the
/// training data so that the model learns how far to trust them.
/// </summary>
internal sealed class Gazetteer
{
    public const int MaxTokens = 6;

    public Gazetteer(Dictionary<ulong, byte> entries)
    {
        Entries = entries;
    }

    /// <summary>Sequence hash to 1 + label index, or 0 for a proper prefix of a longer name (lets matching stop early).</summary>
    public Dictionary<ulong, byte> Entries { get; }

    public static Gazetteer Build(IEnumerable<LabeledSentence> sentences, EntityLabel[] labels)
    {
        var counts = new Dictionary<ulong, int[]>();
        var asWord = new Dictionary<ulong, int>();
        var prefixes = new HashSet<ulong>();
        foreach (var s in sentences)
        {
            var inside = new bool[s.Words.Length];
            foreach (var span in s.Spans)
            {
                int k = Array.IndexOf(labels, span.Label);
                if (k < 0 || span.End - span.Start > MaxTokens)
                {
                    continue;
                }

                ulong h = Start;
                for (int i = span.Start; i < span.End; i++)
                {
                    if (i > span.Start)
                    {
                        prefixes.Add(h);
                    }

                    h = Append(h, s.Words[i], i > span.Start);
                    inside[i] = true;
                }

                if (!counts.TryGetValue(h, out var c))
                {
                    counts[h] = c = new int[labels.Length];
                }

                c[k]++;
            }

            for (int i = 0; i < s.Words.Length; i++)
            {
                if (!inside[i])
                {
                    ulong h = Append(Start, s.Words[i], false);
                    asWord[h] = asWord.GetValueOrDefault(h) + 1;
                }
            }
        }

        var entries = new Dictionary<ulong, byte>(counts.Count);
        foreach (var (h, c) in counts)
        {
            int best = 0, total = 0;
            for (int k = 0; k < c.Length; k++)
            {
                total += c[k];
                if (c[k] > c[best])
                {
                    best = k;
                }
            }

            if (asWord.GetValueOrDefault(h) > total)
            {
                continue;
            }

            entries[h] = (byte)(best + 1);
        }

        foreach (var prefix in prefixes)
        {
            entries.TryAdd(prefix, 0);
        }

        return new Gazetteer(entries);
    }

    public const ulong Start = 14695981039346656037UL;

    public static ulong Append(ulong h, ReadOnlySpan<char> word, bool separator)
    {
        if (separator)
        {
            h = (h ^ ' ') * 1099511628211UL;
        }

        foreach (char c in word)
        {
            char lc = char.IsAsciiDigit(c) ? '0' : char.ToLowerInvariant(c);
            h = (h ^ lc) * 1099511628211UL;
        }

        return h;
    }

    /// <summary>
    /// Greedy longest matches, left to right: <paramref name="position"/>[i] = 1 + 4 * label + BILU kind
    /// (0 B, 1 I, 2 L, 3 U) or 0; <paramref name="single"/>[i] = label of the token alone, 1-based, or 0.
    /// </summary>
    public void Match(string text, ReadOnlySpan<Token> tokens, Span<ulong> position, Span<ulong> single)
    {
        int n = tokens.Length;
        position[..n].Clear();
        int i = 0;
        while (i < n)
        {
            ulong h = Start;
            int bestLen = 0;
            byte bestLabel = 0;
            for (int len = 1; len <= MaxTokens && i + len <= n; len++)
            {
                var t = tokens[i + len - 1];
                h = Append(h, text.AsSpan(t.Start, t.Range.Length), len > 1);
                if (!Entries.TryGetValue(h, out byte label))
                {
                    if (len == 1)
                    {
                        single[i] = 0;
                    }

                    break;
                }

                if (label != 0)
                {
                    bestLen = len;
                    bestLabel = label;
                }

                if (len == 1)
                {
                    single[i] = label;
                }
            }

            if (bestLen == 0)
            {
                i++;
                continue;
            }

            ulong basis = 1 + (4 * (ulong)(bestLabel - 1));
            if (bestLen == 1)
            {
                position[i] = basis + 3;
            }
            else
            {
                position[i] = basis;
                for (int k = 1; k < bestLen - 1; k++)
                {
                    position[i + k] = basis + 1;
                }

                position[i + bestLen - 1] = basis + 2;
            }

            for (int k = 1; k < bestLen; k++)
            {
                var t = tokens[i + k];
                single[i + k] = Entries.TryGetValue(Append(Start, text.AsSpan(t.Start, t.Range.Length), false), out byte l) ? l : 0UL;
            }

            i += bestLen;
        }
    }
}
