using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Parsing;

/// <summary>Feature templates of the transition parser (Zhang and Nivre 2011 style: words, tags, children, valencies, distance, the relations of children and their sets).</summary>
public static class ParserFeatures
{
    public const int Count = 73;

    private static readonly ulong None = FeatureHash.Value(-1000);

    /// <summary>
    /// Word, XPOS and UPOS hashes per position; the arrays have Length + 1 items, the last one for the root.
    /// </summary>
    public static void Extract(in ParserContext c, ReadOnlySpan<ulong> words, ReadOnlySpan<ulong> tags, ReadOnlySpan<ulong> upos, Span<ulong> f)
    {
        int s0 = c.S0, s1 = c.S1, s2 = c.S2;
        int b0 = c.B0, b1 = c.B1, b2 = c.B2;
        ulong s0w = W(words, s0), s0t = W(tags, s0), s1w = W(words, s1), s1t = W(tags, s1), s2t = W(tags, s2);
        ulong b0w = W(words, b0), b0t = W(tags, b0), b1w = W(words, b1), b1t = W(tags, b1), b2t = W(tags, b2);
        int s0l = c.S0Kids.Left1, s0r = c.S0Kids.Right1, s0l2 = c.S0Kids.Left2, s0r2 = c.S0Kids.Right2;
        int b0l = c.B0Kids.Left1, b0l2 = c.B0Kids.Left2, s1l = c.S1Kids.Left1, s1r = c.S1Kids.Right1;
        ulong s0lt = W(tags, s0l), s0rt = W(tags, s0r), s0l2t = W(tags, s0l2), s0r2t = W(tags, s0r2);
        ulong b0lt = W(tags, b0l), b0l2t = W(tags, b0l2), s1lt = W(tags, s1l), s1rt = W(tags, s1r);
        ulong dist = FeatureHash.Value(s0 < 0 || b0 < 0 ? -1 : Bucket(b0 - s0));
        ulong s0vl = FeatureHash.Value(c.S0Kids.LeftCount), s0vr = FeatureHash.Value(c.S0Kids.RightCount), b0vl = FeatureHash.Value(c.B0Kids.LeftCount);
        ulong s0wt = FeatureHash.Feature(99, s0w, s0t), b0wt = FeatureHash.Feature(99, b0w, b0t);
        f[0] = FeatureHash.Feature(0, 0);
        f[1] = FeatureHash.Feature(1, s0w);
        f[2] = FeatureHash.Feature(2, s0t);
        f[3] = FeatureHash.Feature(3, s0wt);
        f[4] = FeatureHash.Feature(4, b0w);
        f[5] = FeatureHash.Feature(5, b0t);
        f[6] = FeatureHash.Feature(6, b0wt);
        f[7] = FeatureHash.Feature(7, b1w);
        f[8] = FeatureHash.Feature(8, b1t);
        f[9] = FeatureHash.Feature(9, b1w, b1t);
        f[10] = FeatureHash.Feature(10, b2t);
        f[11] = FeatureHash.Feature(11, s1w);
        f[12] = FeatureHash.Feature(12, s1t);
        f[13] = FeatureHash.Feature(13, s1w, s1t);
        f[14] = FeatureHash.Feature(14, s2t);
        f[15] = FeatureHash.Feature(15, s0wt, b0wt);
        f[16] = FeatureHash.Feature(16, s0wt, b0w);
        f[17] = FeatureHash.Feature(17, s0w, b0wt);
        f[18] = FeatureHash.Feature(18, s0wt, b0t);
        f[19] = FeatureHash.Feature(19, s0t, b0wt);
        f[20] = FeatureHash.Feature(20, s0w, b0w);
        f[21] = FeatureHash.Feature(21, s0t, b0t);
        f[22] = FeatureHash.Feature(22, b0t, b1t);
        f[23] = FeatureHash.Feature(23, b0t, b1t, b2t);
        f[24] = FeatureHash.Feature(24, s0t, b0t, b1t);
        f[25] = FeatureHash.Feature(25, s1t, s0t, b0t);
        f[26] = FeatureHash.Feature(26, s0t, s0lt, b0t);
        f[27] = FeatureHash.Feature(27, s0t, s0rt, b0t);
        f[28] = FeatureHash.Feature(28, s0t, b0t, b0lt);
        f[29] = FeatureHash.Feature(29, s1t, s0t, s0lt);
        f[30] = FeatureHash.Feature(30, s1t, s1rt, s0t);
        f[31] = FeatureHash.Feature(31, s0w, dist);
        f[32] = FeatureHash.Feature(32, b0w, dist);
        f[33] = FeatureHash.Feature(33, s0t, b0t, dist);
        f[34] = FeatureHash.Feature(34, s0w, s0vr);
        f[35] = FeatureHash.Feature(35, s0w, s0vl);
        f[36] = FeatureHash.Feature(36, b0w, b0vl);
        f[37] = FeatureHash.Feature(37, s0t, s0vl);
        f[38] = FeatureHash.Feature(38, s0t, s0vr);
        f[39] = FeatureHash.Feature(39, b0t, b0vl);
        f[40] = FeatureHash.Feature(40, s0lt);
        f[41] = FeatureHash.Feature(41, s0rt);
        f[42] = FeatureHash.Feature(42, b0lt);
        f[43] = FeatureHash.Feature(43, s0t, s0lt, s0l2t);
        f[44] = FeatureHash.Feature(44, s0t, s0rt, s0r2t);
        f[45] = FeatureHash.Feature(45, b0t, b0lt, b0l2t);
        f[46] = FeatureHash.Feature(46, s1t, s0w);
        f[47] = FeatureHash.Feature(47, s1w, s0t);
        f[48] = FeatureHash.Feature(48, s1w, s0w);
        f[49] = FeatureHash.Feature(49, s2t, s1t, s0t);
        f[50] = FeatureHash.Feature(50, W(upos, s0), W(upos, b0));
        f[51] = FeatureHash.Feature(51, W(upos, s1), W(upos, s0), W(upos, b0));
        f[52] = FeatureHash.Feature(52, W(words, s0l));
        f[53] = FeatureHash.Feature(53, W(words, s0r));
        f[54] = FeatureHash.Feature(54, W(words, b0l));
        f[55] = FeatureHash.Feature(55, s1t, b0t);
        ulong s0ll = L(c.S0Kids.Left1Label), s0rl = L(c.S0Kids.Right1Label), b0ll = L(c.B0Kids.Left1Label), s1rl = L(c.S1Kids.Right1Label);
        f[56] = FeatureHash.Feature(56, s0ll);
        f[57] = FeatureHash.Feature(57, s0rl);
        f[58] = FeatureHash.Feature(58, b0ll);
        f[59] = FeatureHash.Feature(59, s0t, s0ll, s0rl);
        f[60] = FeatureHash.Feature(60, b0t, b0ll, L(c.B0Kids.Left2Label));
        f[61] = FeatureHash.Feature(61, s0t, L(c.S0Kids.Left2Label), L(c.S0Kids.Right2Label));
        f[62] = FeatureHash.Feature(62, s1t, s1rl, s0t);
        f[63] = FeatureHash.Feature(63, s0w, s0rl, b0t);
        f[64] = FeatureHash.Feature(64, b0w, b1w);
        f[65] = FeatureHash.Feature(65, s0w, s1w, b0w);

        // Zhang and Nivre (2011) label sets: which relations a head already has on each side.
        ulong s0ls = FeatureHash.Finalize(c.S0Kids.LeftLabels), s0rs = FeatureHash.Finalize(c.S0Kids.RightLabels), b0ls = FeatureHash.Finalize(c.B0Kids.LeftLabels);
        f[66] = FeatureHash.Feature(66, s0w, s0ls);
        f[67] = FeatureHash.Feature(67, s0t, s0ls);
        f[68] = FeatureHash.Feature(68, s0w, s0rs);
        f[69] = FeatureHash.Feature(69, s0t, s0rs);
        f[70] = FeatureHash.Feature(70, b0w, b0ls);
        f[71] = FeatureHash.Feature(71, b0t, b0ls);
        f[72] = FeatureHash.Feature(72, s0w, b0w, dist);
    }

    private static ulong L(int label) => label < 0 ? None : FeatureHash.Value(label + 20000);

    private static ulong W(ReadOnlySpan<ulong> values, int i) => i < 0 ? None : values[i];

    private static int Bucket(int d) => d switch
    {
        <= 4 => d,
        <= 7 => 5,
        <= 12 => 6,
        _ => 7,
    };
}
