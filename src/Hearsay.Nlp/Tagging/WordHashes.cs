using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Tagging;

/// <summary>The hashes of one word that feature templates combine: computed once per token, no allocation.</summary>
public struct WordHashes
{
    public ulong Form;
    public ulong Lower;
    public ulong Shape;
    public ulong Prefix1;
    public ulong Prefix3;
    public ulong Suffix1;
    public ulong Suffix2;
    public ulong Suffix3;
    public ulong Suffix4;
    public ulong Suffix5;
    public ulong Prefix2;

    /// <summary>Hash of the set of tags the word had in training (its ambiguity class); filled by the tagger.</summary>
    public ulong Ambiguity;

    /// <summary>Hash of the word's most frequent training tag, and of its exact (case-sensitive) form's tag set.</summary>
    public ulong Dominant;

    public ulong FormAmbiguity;

    /// <summary>Hashes of the word's coarse (64) and fine (512) MiniLM word class; filled by the tagger.</summary>
    public ulong Coarse;

    public ulong Fine;

    public static WordHashes Of(ReadOnlySpan<char> w)
    {
        var h = new WordHashes
        {
            Form = FeatureHash.Of(w),
            Lower = FeatureHash.OfLower(w),
            Shape = ShapeHash(w),
            Prefix1 = FeatureHash.OfLower(w[..Math.Min(1, w.Length)]),
            Prefix3 = FeatureHash.OfLower(w[..Math.Min(3, w.Length)]),
            Suffix1 = FeatureHash.OfLower(w[Math.Max(0, w.Length - 1)..]),
            Suffix2 = FeatureHash.OfLower(w[Math.Max(0, w.Length - 2)..]),
            Suffix3 = FeatureHash.OfLower(w[Math.Max(0, w.Length - 3)..]),
            Suffix4 = FeatureHash.OfLower(w[Math.Max(0, w.Length - 4)..]),
            Suffix5 = FeatureHash.OfLower(w[Math.Max(0, w.Length - 5)..]),
            Prefix2 = FeatureHash.OfLower(w[..Math.Min(2, w.Length)]),
        };
        return h;
    }

    /// <summary>Word shape with runs collapsed after two: "McDonald's" → "XxXxx'x", "1,000" → "d,ddd" → "d,dd".</summary>
    private static ulong ShapeHash(ReadOnlySpan<char> w)
    {
        ulong h = 0xCBF29CE484222325UL;
        char last = '\0';
        int run = 0;
        int n = 0;
        foreach (char c in w)
        {
            char s = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : c;
            if (s == last)
            {
                if (++run > 2)
                {
                    continue;
                }
            }
            else
            {
                last = s;
                run = 1;
            }

            h = (h ^ s) * 0x100000001B3UL;
            if (++n > 12)
            {
                break;
            }
        }

        return FeatureHash.Finalize(h);
    }
}
