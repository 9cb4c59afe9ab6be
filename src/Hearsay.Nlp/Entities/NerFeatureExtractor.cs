using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Entities;

/// <summary>
/// Hashed features for one sentence: every token gets <see cref="PerToken"/> bucket indices into the
/// weight table. Per-token string properties (form, lower-cased form, shapes, affixes) are hashed once
/// and then combined per template, so nothing is allocated per token.
/// </summary>
internal sealed class NerFeatureExtractor
{
    /// <summary>Templates per token of a first-pass model.</summary>
    public const int PerToken = 47;

    /// <summary>Extra templates of a model that reads the tagger's XPOS tags (<see cref="Token.Xpos"/>).</summary>
    public const int PosTemplates = 7;

    /// <summary>Extra templates of a stacked (second-pass) model: first-pass tags around the token and document votes.</summary>
    public const int StackedTemplates = 8;

    /// <summary>Per-token document votes passed to a stacked extractor: exact form, then lower-cased form.</summary>
    public const int VotesPerToken = 2;

    private const ulong Fnv = 14695981039346656037UL;
    private const ulong FnvPrime = 1099511628211UL;
    private const ulong BosHash = 0x5bd1e9955bd1e995UL;
    private const ulong EosHash = 0x27d4eb2f165667c5UL;

    private readonly int _shift;
    private readonly Gazetteer? _gazetteer;
    private readonly WordClusters? _clusters;
    private ulong[] _class = [];
    private ulong[] _form = [];
    private ulong[] _lower = [];
    private ulong[] _shapeLong = [];
    private ulong[] _shapeShort = [];
    private ulong[] _affix = [];
    private ulong[] _gazPos = [];
    private ulong[] _capRun = [];
    private ulong[] _gazOne = [];
    private ulong[] _runFirst = [];
    private ulong[] _runLast = [];
    private ulong[] _pos = [];
    private readonly bool _usesPos;

    public NerFeatureExtractor(int bucketBits, Gazetteer? gazetteer, WordClusters? clusters, bool stacked = false, bool usesPos = false)
    {
        _shift = 64 - bucketBits;
        _gazetteer = gazetteer;
        _clusters = clusters;
        _usesPos = usesPos;
        PosOffset = PerToken;
        StackOffset = PerToken + (usesPos ? PosTemplates : 0);
        Count = StackOffset + (stacked ? StackedTemplates : 0);
    }

    private int PosOffset { get; }

    private int StackOffset { get; }

    /// <summary>Bucket indices per token: <see cref="PerToken"/>, plus <see cref="StackedTemplates"/> for a stacked model.</summary>
    public int Count { get; }

    /// <summary>
    /// Fills <paramref name="features"/> (length n * <see cref="Count"/>) with bucket indices. A stacked extractor also
    /// reads the first pass's tags and the document votes (<see cref="LabelVotes"/>) of each token.
    /// </summary>
    public void Extract(string text, ReadOnlySpan<Token> tokens, Span<int> features, ReadOnlySpan<int> firstTags = default, ReadOnlySpan<ulong> votes = default)
    {
        int n = tokens.Length;
        Ensure(n);
        int upperInitial = 0, letters = 0, allUpper = 0;
        for (int i = 0; i < n; i++)
        {
            var w = text.AsSpan(tokens[i].Start, tokens[i].Range.Length);
            HashToken(w, i);
            _pos[i] = _usesPos ? PosHash(tokens[i].Xpos) : 0UL;
            if (w.Length > 0 && char.IsLetter(w[0]))
            {
                letters++;
                if (char.IsUpper(w[0]))
                {
                    upperInitial++;
                    if (IsAllUpper(w))
                    {
                        allUpper++;
                    }
                }
            }
        }

        if (_gazetteer is not null)
        {
            _gazetteer.Match(text, tokens, _gazPos, _gazOne);
        }
        else
        {
            _gazPos.AsSpan(0, n).Clear();
            _gazOne.AsSpan(0, n).Clear();
        }

        // Runs of capitalised words ("Del Frisco 's", "Cheap Hotel Rome"): run length and place in the run.
        for (int i = 0; i < n;)
        {
            if (!IsCapitalised(text, tokens[i]))
            {
                _capRun[i++] = 0;
                continue;
            }

            int j = i;
            while (j < n && IsCapitalised(text, tokens[j]))
            {
                j++;
            }

            ulong len = (ulong)Math.Min(j - i, 4);
            for (int k = i; k < j; k++)
            {
                _capRun[k] = (len * 8) + (k == i ? 1UL : 0UL) + (k == j - 1 ? 2UL : 0UL);
            }

            i = j;
        }

        // The head word of a name decides its type more than the word itself ("Housing Authority of New
        // Orleans", "Slice Pizza", "J.M. Huber Corporation"): every word of a capitalised run, joined over
        // "of", "and", "&", "for", "de", "on", sees the run's first and last word.
        for (int i = 0; i < n;)
        {
            if (!IsCapitalised(text, tokens[i]))
            {
                _runFirst[i] = 0;
                _runLast[i++] = 0;
                continue;
            }

            int end = i;
            while (end < n && IsCapitalised(text, tokens[end]))
            {
                end++;
            }

            while (end + 1 < n && IsConnector(text, tokens[end]) && IsCapitalised(text, tokens[end + 1]))
            {
                end++;
                while (end < n && IsCapitalised(text, tokens[end]))
                {
                    end++;
                }
            }

            for (int k = i; k < end; k++)
            {
                _runFirst[k] = k == i ? 1UL : _lower[i];
                _runLast[k] = k == end - 1 ? 1UL : _lower[end - 1];
            }

            i = end;
        }

        // Casing of the sentence as a whole: web text is often all lower case, headlines title case or capitals.
        ulong sentCase = letters == 0 ? 0UL
            : upperInitial <= 1 ? 1UL
            : allUpper * 2 > letters ? 2UL
            : upperInitial * 2 > letters ? 3UL
            : 4UL;

        for (int i = 0; i < n; i++)
        {
            var f = features.Slice(i * Count, Count);
            ulong lower = _lower[i], form = _form[i], sl = _shapeLong[i], ss = _shapeShort[i];
            ulong lowerP = i > 0 ? _lower[i - 1] : BosHash;
            ulong lowerN = i + 1 < n ? _lower[i + 1] : EosHash;
            ulong lowerPP = i > 1 ? _lower[i - 2] : BosHash;
            ulong lowerNN = i + 2 < n ? _lower[i + 2] : EosHash;
            ulong ssP = i > 0 ? _shapeShort[i - 1] : BosHash;
            ulong ssN = i + 1 < n ? _shapeShort[i + 1] : EosHash;
            ulong formP = i > 0 ? _form[i - 1] : BosHash;
            ulong formN = i + 1 < n ? _form[i + 1] : EosHash;
            ulong gp = _gazPos[i];
            int a = i * 7;
            f[0] = Bucket(0, 0);
            f[1] = Bucket(1, form);
            f[2] = Bucket(2, lower);
            f[3] = Bucket(3, sl);
            f[4] = Bucket(4, ss);
            f[5] = Bucket(5, _affix[a]);
            f[6] = Bucket(6, _affix[a + 1]);
            f[7] = Bucket(7, _affix[a + 2]);
            f[8] = Bucket(8, _affix[a + 3]);
            f[9] = Bucket(9, _affix[a + 4]);
            f[10] = Bucket(10, _affix[a + 5]);
            f[11] = Bucket(11, _affix[a + 6]);
            f[12] = Bucket(12, lowerP);
            f[13] = Bucket(13, lowerN);
            f[14] = Bucket(14, lowerPP);
            f[15] = Bucket(15, lowerNN);
            f[16] = Bucket(16, ssP);
            f[17] = Bucket(17, ssN);
            f[18] = Bucket(18, Combine(Combine(ssP, ss), ssN));
            f[19] = Bucket(19, Combine(lowerP, lower));
            f[20] = Bucket(20, Combine(lower, lowerN));
            f[21] = Bucket(21, Combine(sentCase, sl));
            f[22] = Bucket(22, Combine(i == 0 ? 1UL : 2UL, ss));
            f[23] = Bucket(23, formP);
            f[24] = Bucket(24, formN);
            f[25] = Bucket(25, Combine(lowerP, ss));
            f[26] = Bucket(26, Combine(ss, lowerN));
            f[27] = Bucket(27, gp);
            f[28] = Bucket(28, Combine(gp, ss));
            f[29] = Bucket(29, Combine(_gazOne[i], sentCase));
            f[30] = Bucket(30, i > 0 ? _affix[a - 2] : BosHash);
            f[31] = Bucket(31, i + 1 < n ? _affix[a + 12] : EosHash);
            f[32] = Bucket(32, Combine(formP, form));
            f[33] = Bucket(33, Combine(_capRun[i], ss));
            f[34] = Bucket(34, Combine(lower, sentCase));
            f[35] = Bucket(35, Combine(gp, lowerP));
            f[36] = Bucket(36, Combine(lowerPP, lowerP));
            f[37] = Bucket(37, Combine(lowerN, lowerNN));
            f[38] = Bucket(38, Combine(gp, i > 0 ? _gazPos[i - 1] : BosHash));
            f[39] = Bucket(39, Combine((ulong)Math.Min(tokens[i].Range.Length, 8), ss));
            ulong fine = _class[i] % WordClusters.Fine;
            f[40] = Bucket(40, _class[i] == 0 ? 0UL : fine + 1);
            f[41] = Bucket(41, _class[i] == 0 ? 0UL : (_class[i] / WordClusters.Fine) + 1);
            f[42] = Bucket(42, i > 0 ? _class[i - 1] : BosHash);
            f[43] = Bucket(43, i + 1 < n ? _class[i + 1] : EosHash);
            f[44] = Bucket(44, Combine(_class[i], ss));
            f[45] = Bucket(45, Combine(_runLast[i], _capRun[i] & 3));
            f[46] = Bucket(46, Combine(_runFirst[i], _capRun[i] & 3));
            if (_usesPos)
            {
                // Proper-noun tags of the word and its neighbours separate names from capitalised common words
                // (sentence starts, headlines) that word shapes alone cannot.
                ulong pos = _pos[i];
                ulong posP = i > 0 ? _pos[i - 1] : BosHash;
                ulong posN = i + 1 < n ? _pos[i + 1] : EosHash;
                var g = f.Slice(PosOffset, PosTemplates);
                g[0] = Bucket(55, pos);
                g[1] = Bucket(56, posP);
                g[2] = Bucket(57, posN);
                g[3] = Bucket(58, Combine(posP, pos));
                g[4] = Bucket(59, Combine(pos, posN));
                g[5] = Bucket(60, Combine(pos, ss));
                g[6] = Bucket(61, Combine(Combine(posP, pos), posN));
            }

            if (Count > StackOffset)
            {
                ulong tag = (ulong)firstTags[i] + 1;
                ulong tagP = i > 0 ? (ulong)firstTags[i - 1] + 1 : BosHash;
                ulong tagN = i + 1 < n ? (ulong)firstTags[i + 1] + 1 : EosHash;
                ulong formVote = votes[i * VotesPerToken], lowerVote = votes[(i * VotesPerToken) + 1];
                f[StackOffset + 0] = Bucket(47, tag);
                f[StackOffset + 1] = Bucket(48, tagP);
                f[StackOffset + 2] = Bucket(49, tagN);
                f[StackOffset + 3] = Bucket(50, Combine(tag, ss));
                f[StackOffset + 4] = Bucket(51, formVote);
                f[StackOffset + 5] = Bucket(52, lowerVote);
                f[StackOffset + 6] = Bucket(53, Combine(formVote, tag));
                f[StackOffset + 7] = Bucket(54, Combine(lowerVote, ss));
            }
        }
    }

    /// <summary>Hash of a word lower-cased with digits folded, the key used for word clusters.</summary>
    public static ulong LowerHash(ReadOnlySpan<char> w)
    {
        ulong h = Fnv;
        foreach (char c in w)
        {
            h = (h ^ Fold(c)) * FnvPrime;
        }

        return h;
    }

    private static ulong PosHash(string? tag)
    {
        if (tag is null)
        {
            return 0UL;
        }

        ulong h = Fnv;
        foreach (char c in tag)
        {
            h = (h ^ c) * FnvPrime;
        }

        return h;
    }

    private static char Fold(char c) => char.IsAsciiDigit(c) ? '0' : char.ToLowerInvariant(c);

    private void HashToken(ReadOnlySpan<char> w, int i)
    {
        ulong form = Fnv, lower = Fnv, shapeLong = Fnv, shapeShort = Fnv;
        char prevClass = '\0';
        int run = 0;
        foreach (char c in w)
        {
            form = (form ^ c) * FnvPrime;
            char lc = Fold(c);
            lower = (lower ^ lc) * FnvPrime;
            char cls = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? 'd' : char.IsLetter(c) ? 'l' : c;
            run = cls == prevClass ? run + 1 : 1;
            if (run <= 4)
            {
                shapeLong = (shapeLong ^ cls) * FnvPrime;
            }

            if (run == 1)
            {
                shapeShort = (shapeShort ^ cls) * FnvPrime;
            }

            prevClass = cls;
        }

        _class[i] = _clusters is not null && _clusters.Classes.TryGetValue(lower, out ushort cls1) ? cls1 : 0UL;
        _form[i] = form;
        _lower[i] = lower;
        _shapeLong[i] = shapeLong;
        _shapeShort[i] = shapeShort;
        int a = i * 7;
        for (int k = 1; k <= 3; k++)
        {
            _affix[a + k - 1] = w.Length >= k ? LowerHash(w[..k]) : 0UL;
        }

        for (int k = 1; k <= 4; k++)
        {
            _affix[a + 2 + k] = w.Length >= k ? LowerHash(w[^k..]) : 0UL;
        }

    }

    private static bool IsConnector(string text, Token t)
    {
        var w = text.AsSpan(t.Start, t.Range.Length);
        return w is "of" or "and" or "&" or "for" or "de" or "on";
    }

    private static bool IsCapitalised(string text, Token t) => t.Range.Length > 0 && char.IsUpper(text[t.Start]);

    private static bool IsAllUpper(ReadOnlySpan<char> w)
    {
        foreach (char c in w)
        {
            if (char.IsLower(c))
            {
                return false;
            }
        }

        return true;
    }

    private static ulong Combine(ulong a, ulong b) => ((a ^ (b + 0x9E3779B97F4A7C15UL + (a << 6) + (a >> 2))) * 0xff51afd7ed558ccdUL) ^ (b >> 29);

    private int Bucket(int template, ulong value)
    {
        ulong h = (value + ((ulong)(template + 1) * 0x9E3779B97F4A7C15UL)) * 0xc4ceb9fe1a85ec53UL;
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdUL;
        h ^= h >> 29;
        return (int)(h >> _shift);
    }

    private void Ensure(int n)
    {
        if (_form.Length >= n)
        {
            return;
        }

        int size = Math.Max(n, 64);
        _form = new ulong[size];
        _lower = new ulong[size];
        _shapeLong = new ulong[size];
        _shapeShort = new ulong[size];
        _affix = new ulong[size * 7];
        _gazPos = new ulong[size];
        _capRun = new ulong[size];
        _class = new ulong[size];
        _gazOne = new ulong[size];
        _runFirst = new ulong[size];
        _runLast = new ulong[size];
        _pos = new ulong[size];
    }
}
