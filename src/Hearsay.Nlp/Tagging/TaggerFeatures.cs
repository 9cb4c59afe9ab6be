using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Tagging;

/// <summary>Feature templates of the POS tagger: the word, its affixes and shape, its neighbours, and the two previous tags.</summary>
public static class TaggerFeatures
{
    public const int Count = 52;

    private static readonly ulong Start = FeatureHash.Value(-100);
    private static readonly ulong End = FeatureHash.Value(-200);

    /// <summary>Features of the second pass: those of the first plus the first pass's tags around the word.</summary>
    public const int SecondPassCount = Count + 6;

    public static void ExtractSecondPass(ReadOnlySpan<WordHashes> words, int i, int previousTag, int previousTag2, ReadOnlySpan<int> firstPass, Span<ulong> output)
    {
        Extract(words, i, previousTag, previousTag2, output);
        ulong f0 = FeatureHash.Value(firstPass[i]);
        ulong f1 = i + 1 < words.Length ? FeatureHash.Value(firstPass[i + 1]) : End;
        ulong f2 = i + 2 < words.Length ? FeatureHash.Value(firstPass[i + 2]) : End;
        ulong t1 = FeatureHash.Value(previousTag);
        output[Count] = FeatureHash.Feature(100, f0);
        output[Count + 1] = FeatureHash.Feature(101, f1);
        output[Count + 2] = FeatureHash.Feature(102, f1, f2);
        output[Count + 3] = FeatureHash.Feature(103, t1, f1);
        output[Count + 4] = FeatureHash.Feature(104, f1, words[i].Lower);
        output[Count + 5] = FeatureHash.Feature(105, t1, f0, f1);
    }

    /// <summary>Writes the features of token <paramref name="i"/> of a sentence into <paramref name="output"/> (length <see cref="Count"/>).</summary>
    public static void Extract(ReadOnlySpan<WordHashes> words, int i, int previousTag, int previousTag2, Span<ulong> output)
    {
        ref readonly var w = ref words[i];
        ulong p1 = i > 0 ? words[i - 1].Lower : Start;
        ulong p2 = i > 1 ? words[i - 2].Lower : Start;
        ulong n1 = i + 1 < words.Length ? words[i + 1].Lower : End;
        ulong n2 = i + 2 < words.Length ? words[i + 2].Lower : End;
        ulong p1s = i > 0 ? words[i - 1].Suffix3 : Start;
        ulong n1s = i + 1 < words.Length ? words[i + 1].Suffix3 : End;
        ulong p1shape = i > 0 ? words[i - 1].Shape : Start;
        ulong n1shape = i + 1 < words.Length ? words[i + 1].Shape : End;
        ulong t1 = FeatureHash.Value(previousTag);
        ulong t2 = FeatureHash.Value(previousTag2);
        output[0] = FeatureHash.Feature(0, 0);
        output[1] = FeatureHash.Feature(1, w.Lower);
        output[2] = FeatureHash.Feature(2, w.Suffix1);
        output[3] = FeatureHash.Feature(3, w.Suffix2);
        output[4] = FeatureHash.Feature(4, w.Suffix3);
        output[5] = FeatureHash.Feature(5, w.Suffix4);
        output[6] = FeatureHash.Feature(6, w.Prefix1);
        output[7] = FeatureHash.Feature(7, w.Prefix3);
        output[8] = FeatureHash.Feature(8, w.Shape);
        output[9] = FeatureHash.Feature(9, t1);
        output[10] = FeatureHash.Feature(10, t2);
        output[11] = FeatureHash.Feature(11, t1, t2);
        output[12] = FeatureHash.Feature(12, t1, w.Lower);
        output[13] = FeatureHash.Feature(13, p1);
        output[14] = FeatureHash.Feature(14, p1s);
        output[15] = FeatureHash.Feature(15, p2);
        output[16] = FeatureHash.Feature(16, n1);
        output[17] = FeatureHash.Feature(17, n1s);
        output[18] = FeatureHash.Feature(18, n2);
        output[19] = FeatureHash.Feature(19, n1shape);
        output[20] = FeatureHash.Feature(20, p1shape);
        output[21] = FeatureHash.Feature(21, w.Lower, n1);
        output[22] = FeatureHash.Feature(22, p1, w.Lower);
        output[23] = FeatureHash.Feature(23, w.Shape, i == 0 ? 1UL : 2UL);
        output[24] = FeatureHash.Feature(24, t1, w.Suffix3);
        output[25] = FeatureHash.Feature(25, w.Form);
        output[26] = FeatureHash.Feature(26, t1, n1);
        ulong a0 = w.Ambiguity;
        ulong a1 = i + 1 < words.Length ? words[i + 1].Ambiguity : End;
        ulong a2 = i + 2 < words.Length ? words[i + 2].Ambiguity : End;
        ulong am1 = i > 0 ? words[i - 1].Ambiguity : Start;
        output[27] = FeatureHash.Feature(27, a0);
        output[28] = FeatureHash.Feature(28, a1);
        output[29] = FeatureHash.Feature(29, a0, a1);
        output[30] = FeatureHash.Feature(30, t1, a0);
        output[31] = FeatureHash.Feature(31, a1, a2);
        output[32] = FeatureHash.Feature(32, w.Suffix5);
        output[33] = FeatureHash.Feature(33, w.Prefix2);
        output[34] = FeatureHash.Feature(34, t1, a0, a1);
        output[35] = FeatureHash.Feature(35, am1, a0);
        ulong d1 = i + 1 < words.Length ? words[i + 1].Dominant : End;
        ulong d2 = i + 2 < words.Length ? words[i + 2].Dominant : End;
        output[36] = FeatureHash.Feature(36, w.Dominant);
        output[37] = FeatureHash.Feature(37, d1);
        output[38] = FeatureHash.Feature(38, d1, d2);
        output[39] = FeatureHash.Feature(39, t1, w.Dominant, d1);
        output[40] = FeatureHash.Feature(40, w.FormAmbiguity);
        output[41] = FeatureHash.Feature(41, w.FormAmbiguity, w.Shape);

        // Word classes: what an unseen or rare word is like, and what its neighbours are like.
        ulong cp1 = i > 0 ? words[i - 1].Fine : Start;
        ulong cn1 = i + 1 < words.Length ? words[i + 1].Fine : End;
        ulong cn2 = i + 2 < words.Length ? words[i + 2].Coarse : End;
        ulong cn1c = i + 1 < words.Length ? words[i + 1].Coarse : End;
        output[42] = FeatureHash.Feature(42, w.Coarse);
        output[43] = FeatureHash.Feature(43, w.Fine);
        output[44] = FeatureHash.Feature(44, cp1);
        output[45] = FeatureHash.Feature(45, cn1);
        output[46] = FeatureHash.Feature(46, cn2);
        output[47] = FeatureHash.Feature(47, t1, w.Fine);
        output[48] = FeatureHash.Feature(48, w.Fine, cn1c);
        output[49] = FeatureHash.Feature(49, w.Coarse, w.Suffix3);
        output[50] = FeatureHash.Feature(50, w.Fine, w.Shape);
        output[51] = FeatureHash.Feature(51, t1, cn1);
    }
}
