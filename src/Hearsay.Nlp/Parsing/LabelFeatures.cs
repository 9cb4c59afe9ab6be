using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Parsing;

/// <summary>
/// Feature templates of the arc labeler, computed when the arc is made: the dependent (whose subtree is complete
/// then, in the arc-hybrid system), its children and their relations, the head and the direction and distance.
/// </summary>
public static class LabelFeatures
{
    public const int Count = 30;

    private static readonly ulong None = FeatureHash.Value(-2000);

    public static void Extract(SentenceTree t, int h, int d, in Attachments kids, Span<ulong> f)
    {
        int n = t.Length;
        ulong dw = t.Words[d], dt = t.Tags[d], du = t.Upos[d];
        ulong hw = t.Words[h], ht = t.Tags[h], hu = t.Upos[h];
        ulong dir = FeatureHash.Value(h == n ? 0 : h < d ? 1 : 2);
        int distance = h == n ? 0 : Math.Abs(h - d);
        ulong dist = FeatureHash.Value(distance <= 3 ? distance : distance <= 6 ? 4 : distance <= 10 ? 5 : 6);
        int l = kids.Left1, r = kids.Right1, m = kids.Marker;
        ulong lc = V(t.Tags, l), rc = V(t.Tags, r);
        ulong ll = L(kids.Left1Label), rl = L(kids.Right1Label);
        ulong marker = m < 0 ? None : t.Words[m];
        ulong prev = d > 0 ? t.Tags[d - 1] : None, next = d + 1 < n ? t.Tags[d + 1] : None;
        ulong valency = FeatureHash.Value(Math.Min(kids.LeftCount + kids.RightCount, 4));
        f[0] = FeatureHash.Feature(0, 0);
        f[1] = FeatureHash.Feature(1, dw);
        f[2] = FeatureHash.Feature(2, dt);
        f[3] = FeatureHash.Feature(3, hw);
        f[4] = FeatureHash.Feature(4, ht);
        f[5] = FeatureHash.Feature(5, dt, ht, dir);
        f[6] = FeatureHash.Feature(6, dw, ht, dir);
        f[7] = FeatureHash.Feature(7, dt, hw, dir);
        f[8] = FeatureHash.Feature(8, dw, hw);
        f[9] = FeatureHash.Feature(9, du, hu, dir);
        f[10] = FeatureHash.Feature(10, dt, ht, dist);
        f[11] = FeatureHash.Feature(11, ll, dt, dir);
        f[12] = FeatureHash.Feature(12, dt, lc);
        f[13] = FeatureHash.Feature(13, dt, rc);
        f[14] = FeatureHash.Feature(14, marker, hu, du);
        f[15] = FeatureHash.Feature(15, marker, dt);
        f[16] = FeatureHash.Feature(16, prev, dt, ht);
        f[17] = FeatureHash.Feature(17, dt, next, ht);
        f[18] = FeatureHash.Feature(18, dt, valency, dir);
        f[19] = FeatureHash.Feature(19, t.Suffixes[d], dt, hu);
        f[20] = FeatureHash.Feature(20, dw, dir);
        f[21] = FeatureHash.Feature(21, du, dir, dist);
        f[22] = FeatureHash.Feature(22, dt, ht, lc);
        f[23] = FeatureHash.Feature(23, dw, dt, hu, dir);
        f[24] = FeatureHash.Feature(24, FeatureHash.Value(d == 0 ? 1 : 0), dt, ht);
        f[25] = FeatureHash.Feature(25, rl, dt, dir);
        f[26] = FeatureHash.Feature(26, ll, rl, du, hu);
        f[27] = FeatureHash.Feature(27, marker, hw);
        f[28] = FeatureHash.Feature(28, dt, ht, rc, dir);
        f[29] = FeatureHash.Feature(29, dw, hw, dir);
    }

    private static ulong V(ulong[] values, int i) => i < 0 ? None : values[i];

    private static ulong L(int label) => label < 0 ? None : FeatureHash.Value(label + 10000);
}
