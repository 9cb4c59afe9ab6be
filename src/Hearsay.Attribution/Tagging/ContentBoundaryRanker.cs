using System.Runtime.CompilerServices;

namespace Hearsay.Attribution.Tagging;

/// <summary>
/// Second stage of content decoding: the tagger finds which phrase is content well (overlap F1 85) but
/// misplaces its edges (exact F1 55), and its first-order labels cannot look at both edges of a span.
/// For each content span the tagger predicted, this ranker picks the start among nearby tokens and the
/// end among nearby tokens, each by a linear score over the candidate edge's words, tags, relations,
/// subtree edges, quotes and its offset from the tagger's edge. Trained on the tagger's cross-fold
/// predictions over the training units, so it learns the tagger's own errors, and it keeps the tagger's
/// edge unless the evidence outweighs it (the offset features).
/// </summary>
public sealed class ContentBoundaryRanker
{
    /// <summary>How far (tokens) an edge may move: a third of the edge errors are further than 10 tokens (10 scored 56.9 on dev, 16 scored 57.4).</summary>
    public const int Window = 16;

    private static readonly int BeginContent = BioLabels.Begin(AttributionRole.Content);
    private static readonly int InsideContent = BioLabels.Inside(AttributionRole.Content);

    private readonly Dictionary<uint, float> _weights;

    // Per-token margins of the tagger run from tens to about a thousand, so spans' costs need buckets up to tens of thousands.
    private static readonly string[] CostBuckets = ["0", "1", "2", "4", "8", "16", "32", "64", "128", "256", "512", "1k", "2k", "4k", "8k", "16k", "more"];

    internal ContentBoundaryRanker(Dictionary<uint, float> weights) => _weights = weights;

    public int FeatureCount => _weights.Count;

    /// <summary>How much more than the tagger's own span an alternative must score to replace it (tuned on dev: moves are often wrong-to-wrong).</summary>
    public float MinGain { get; set; }

    internal IReadOnlyDictionary<uint, float> Weights => _weights;

    /// <summary>Moves the edges of every content span in <paramref name="labels"/> to the best-scoring candidates.</summary>
    /// <param name="gaps">When given, receives for each span its chosen edges and how far the best pair scored above the second best.</param>
    public void Apply(string[] words, string?[]? pos, int[]? heads, string?[]? rels, int[] labels, TagLattice lattice, List<(int Start, int End, float Gap)>? gaps = null)
    {
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(labels);
        var spans = BioLabels.Spans(labels, AttributionRole.Content);
        if (spans.Count == 0)
        {
            return;
        }

        var unit = new EdgeContext(words, pos, heads, rels, labels, new ContentSpanCost(lattice, words.Length));
        var feats = new List<ulong>(64);
        foreach (var (a, b) in spans)
        {
            var (s, e) = Choose(unit, a, b, _weights, feats, Fold, out var gap, MinGain);
            gaps?.Add((s, e, gap));
            if (s == a && e == b)
            {
                continue;
            }

            Relabel(labels, a, b, s, e);
        }
    }

    private static uint Fold(ulong f) => AttributionTagger.Fold(f);

    /// <summary>
    /// The best (start, end) pair: each edge's own score plus the whole span's (is it one constituent,
    /// how long). Edges are scored once each, so only the span features cost per pair.
    /// </summary>
    private static (int Start, int End) Choose<TKey>(EdgeContext unit, int a, int b, Dictionary<TKey, float> weights, List<ulong> feats, Func<ulong, TKey> key, out float gap, float minGain = 0)
        where TKey : notnull
    {
        var (slo, shi) = StartRange(unit.Labels, a, b);
        var (elo, ehi) = EndRange(unit.Labels, a, b);
        Span<float> startScores = stackalloc float[shi - slo + 1];
        Span<float> endScores = stackalloc float[ehi - elo + 1];
        for (int c = slo; c <= shi; c++)
        {
            feats.Clear();
            unit.StartFeatures(c, a, b, feats);
            startScores[c - slo] = Score(feats, weights, key);
        }

        for (int c = elo; c <= ehi; c++)
        {
            feats.Clear();
            unit.EndFeatures(c, a, b, feats);
            endScores[c - elo] = Score(feats, weights, key);
        }

        (int, int) best = (a, b);
        float bestScore = float.NegativeInfinity, second = float.NegativeInfinity;
        float own = float.NegativeInfinity;
        for (int s = slo; s <= shi; s++)
        {
            for (int e = Math.Max(elo, s + 1); e <= ehi; e++)
            {
                feats.Clear();
                unit.SpanFeatures(s, e, a, b, feats);
                float score = startScores[s - slo] + endScores[e - elo] + Score(feats, weights, key);
                if (s == a && e == b)
                {
                    own = score;
                }

                if (score > bestScore)
                {
                    second = bestScore;
                    bestScore = score;
                    best = (s, e);
                }
                else if (score > second)
                {
                    second = score;
                }
            }
        }

        gap = bestScore - second;
        return bestScore - own > minGain ? best : (a, b);
    }

    private static float Score<TKey>(List<ulong> feats, Dictionary<TKey, float> weights, Func<ulong, TKey> key)
        where TKey : notnull
    {
        float score = 0;
        foreach (var f in feats)
        {
            if (weights.TryGetValue(key(f), out var w))
            {
                score += w;
            }
        }

        return score;
    }

    internal static void Relabel(int[] labels, int a, int b, int s, int e)
    {
        for (int i = a; i < b; i++)
        {
            labels[i] = BioLabels.Outside;
        }

        labels[s] = BeginContent;
        for (int i = s + 1; i < e; i++)
        {
            labels[i] = InsideContent;
        }

        // A following span's I- labels would now continue this one: they start their own span again.
        if (e < labels.Length && labels[e] == InsideContent)
        {
            labels[e] = BeginContent;
        }
    }

    /// <summary>Start candidates: up to <see cref="Window"/> tokens either way, never into another labelled span.</summary>
    internal static (int Lo, int Hi) StartRange(int[] labels, int a, int b)
    {
        int lo = a;
        while (lo > 0 && a - lo < Window && labels[lo - 1] == BioLabels.Outside)
        {
            lo--;
        }

        return (lo, Math.Min(b - 1, a + Window));
    }

    /// <summary>End candidates (exclusive ends): up to <see cref="Window"/> tokens either way, never into another labelled span.</summary>
    internal static (int Lo, int Hi) EndRange(int[] labels, int a, int b)
    {
        int hi = b;
        while (hi < labels.Length && hi - b < Window && labels[hi] == BioLabels.Outside)
        {
            hi++;
        }

        return (Math.Max(a + 1, b - Window), hi);
    }

    /// <summary>
    /// Trains on units whose <paramref name="predicted"/> labels come from a tagger that never saw them:
    /// each predicted content span that overlaps exactly one gold content span is a ranking problem for
    /// its start and one for its end (the gold edge, when it is among the candidates, must win).
    /// </summary>
    public static ContentBoundaryRanker Train(IReadOnlyList<LabeledSentence> units, IReadOnlyList<(int[] Labels, TagLattice Lattice)> folds, int epochs, int seed, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(folds);
        var predicted = new int[folds.Count][];
        for (int u = 0; u < folds.Count; u++)
        {
            predicted[u] = folds[u].Labels;
        }

        ArgumentNullException.ThrowIfNull(log);
        var problems = new List<(int Unit, int A, int B, int GoldStart, int GoldEnd)>();
        for (int u = 0; u < units.Count; u++)
        {
            var gold = BioLabels.Spans(units[u].Labels, AttributionRole.Content);
            foreach (var (a, b) in BioLabels.Spans(predicted[u], AttributionRole.Content))
            {
                int match = -1, overlaps = 0;
                for (int g = 0; g < gold.Count; g++)
                {
                    if (gold[g].Start < b && a < gold[g].End)
                    {
                        match = g;
                        overlaps++;
                    }
                }

                if (overlaps == 1)
                {
                    problems.Add((u, a, b, gold[match].Start, gold[match].End));
                }
            }
        }

        var w = new Dictionary<ulong, (float W, double U)>();
        var current = new Dictionary<ulong, float>();
        var order = new int[problems.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var rng = new Random(seed);
        int step = 1;
        var feats = new List<ulong>(64);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            rng.Shuffle(order);
            int errors = 0;
            foreach (var p in order)
            {
                var (u, a, b, gs, ge) = problems[p];
                var s = units[u];
                var unit = new EdgeContext(s.Tokens, s.Pos, s.Heads, s.Rels, predicted[u], new ContentSpanCost(folds[u].Lattice, s.Tokens.Length));
                var (slo, shi) = StartRange(predicted[u], a, b);
                var (elo, ehi) = EndRange(predicted[u], a, b);

                // A gold edge out of reach is left where the tagger put it: the ranker can only do that.
                int ts = gs >= slo && gs <= shi ? gs : a;
                int te = ge >= elo && ge <= ehi && ge > ts ? ge : b;
                var (ps, pe) = Choose(unit, a, b, current, feats, f => f, out _);
                if (ps == ts && pe == te)
                {
                    step++;
                    continue;
                }

                errors++;
                AddAll(unit, ts, te, a, b, w, current, 1, step, feats);
                AddAll(unit, ps, pe, a, b, w, current, -1, step, feats);
                step++;
            }

            log.WriteLine($"content boundaries: epoch {epoch}, {errors} of {problems.Count} spans wrong");
        }

        var averaged = new Dictionary<uint, float>(w.Count);
        foreach (var (f, x) in w)
        {
            float v = (float)(x.W - (x.U / step));
            if (v != 0)
            {
                ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(averaged, AttributionTagger.Fold(f), out _);
                slot += v;
            }
        }

        log.WriteLine($"content boundaries: {problems.Count} spans, {averaged.Count} features");
        return new ContentBoundaryRanker(averaged);
    }

    private static void AddAll(EdgeContext unit, int s, int e, int a, int b, Dictionary<ulong, (float W, double U)> w, Dictionary<ulong, float> current, float delta, int step, List<ulong> feats)
    {
        feats.Clear();
        unit.StartFeatures(s, a, b, feats);
        unit.EndFeatures(e, a, b, feats);
        unit.SpanFeatures(s, e, a, b, feats);
        foreach (var f in feats)
        {
            ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(w, f, out _);
            slot = (slot.W + delta, slot.U + (step * (double)delta));
            ref var now = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(current, f, out _);
            now += delta;
        }
    }

    internal void Write(BinaryWriter w)
    {
        var keys = new List<uint>(_weights.Keys);
        keys.Sort();
        w.Write(MinGain);
        w.Write(keys.Count);
        foreach (var k in keys)
        {
            w.Write(k);
            w.Write(_weights[k]);
        }
    }

    internal static ContentBoundaryRanker Read(BinaryReader r)
    {
        float minGain = r.ReadSingle();
        int n = r.ReadInt32();
        var weights = new Dictionary<uint, float>(n);
        for (int i = 0; i < n; i++)
        {
            uint k = r.ReadUInt32();
            weights[k] = r.ReadSingle();
        }

        return new ContentBoundaryRanker(weights) { MinGain = minGain };
    }

    /// <summary>One unit's words, tags, relations and subtree edges, read by the edge features.</summary>
    private readonly struct EdgeContext
    {
        private readonly string[] _norm;
        private readonly string?[]? _pos;
        private readonly int[]? _heads;
        private readonly string?[]? _rels;
        private readonly int[] _lo;
        private readonly int[] _hi;
        private readonly ContentSpanCost _cost;
        private readonly int[] _cueBefore;
        private readonly int[] _cueAfter;

        public EdgeContext(string[] words, string?[]? pos, int[]? heads, string?[]? rels, int[] labels, ContentSpanCost cost)
        {
            _cost = cost;
            Labels = labels;
            int n = words.Length;
            _norm = new string[n];
            for (int i = 0; i < n; i++)
            {
                _norm[i] = WordNormalizer.Normalize(words[i]);
            }

            _pos = pos;
            _heads = heads;
            _rels = rels;
            _lo = new int[n];
            _hi = new int[n];
            for (int i = 0; i < n; i++)
            {
                _lo[i] = i;
                _hi[i] = i;
            }

            // The nearest cue token before each position and at or after it (-1: none): content hangs off its cue.
            _cueBefore = new int[n + 1];
            _cueAfter = new int[n + 1];
            int cue = -1;
            for (int i = 0; i <= n; i++)
            {
                _cueBefore[i] = cue;
                if (i < n && BioLabels.RoleOf(labels[i]) == AttributionRole.Cue)
                {
                    cue = i;
                }
            }

            cue = -1;
            for (int i = n; i >= 0; i--)
            {
                if (i < n && BioLabels.RoleOf(labels[i]) == AttributionRole.Cue)
                {
                    cue = i;
                }

                _cueAfter[i] = cue;
            }

            if (heads is not null)
            {
                // Every token widens the subtree edges of its ancestors (bounded walk: parses may hold cycles).
                for (int i = 0; i < n; i++)
                {
                    int h = heads[i];
                    for (int steps = 0; h >= 0 && h < n && steps < n; steps++)
                    {
                        if (i < _lo[h])
                        {
                            _lo[h] = i;
                        }

                        if (i > _hi[h])
                        {
                            _hi[h] = i;
                        }

                        h = heads[h];
                    }
                }
            }
        }

        public int[] Labels { get; }

        private string Word(int i) => i < 0 ? "<s>" : i >= _norm.Length ? "</s>" : _norm[i];

        private string Tag(int i) => i < 0 ? "<s>" : i >= _norm.Length ? "</s>" : _pos?[i] ?? "-";

        private string Rel(int i) => i < 0 || i >= _norm.Length ? "-" : _rels?[i] ?? "-";

        private static string Offset(int d) => d switch
        {
            0 => "0",
            1 => "+1",
            -1 => "-1",
            2 => "+2",
            -2 => "-2",
            > 2 and <= 5 => "+5",
            < -2 and >= -5 => "-5",
            > 5 => "+",
            _ => "-",
        };

        /// <summary>Whether any token in [from, to) is one of the given words.</summary>
        private bool Holds(int from, int to, string x, string y)
        {
            for (int i = Math.Max(0, from); i < Math.Min(to, _norm.Length); i++)
            {
                if (_norm[i] == x || _norm[i] == y)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The templates both edges share, numbered from <paramref name="template"/>: the two tokens either side of the
        /// edge (<paramref name="left"/>, <paramref name="right"/>; the span's own is the right one at a start, the left at
        /// an end), the edge token's relation, and where the
        /// subtree around it starts or ends (<paramref name="tree"/> and <paramref name="reach"/>; empty without a parse).
        /// </summary>
        private void EdgeWindow(int template, string d, string left, string right, bool edgeIsRight, string leftTag, string rightTag, string r, string tree, string reach, string headRel, List<ulong> f)
        {
            string edge = edgeIsRight ? right : left, outside = edgeIsRight ? left : right;
            string edgeTag = edgeIsRight ? rightTag : leftTag;
            f.Add(FeatureHash.Of(template, d));
            f.Add(FeatureHash.Of(template + 1, d, edge));
            f.Add(FeatureHash.Of(template + 2, d, outside));
            f.Add(FeatureHash.Of(template + 3, d, edgeTag));
            f.Add(FeatureHash.Of(template + 4, d, leftTag, rightTag));
            f.Add(FeatureHash.Of(template + 5, d, r));
            f.Add(FeatureHash.Of(template + 6, edge));
            f.Add(FeatureHash.Of(template + 7, left, right));
            f.Add(FeatureHash.Of(template + 8, leftTag, rightTag));
            f.Add(FeatureHash.Of(template + 9, r, edgeTag));
            f.Add(FeatureHash.Of(template + 10, outside, edgeTag));
            if (_heads is not null)
            {
                f.Add(FeatureHash.Of(template + 11, tree, reach));
                f.Add(FeatureHash.Of(template + 12, d, tree, reach));
                f.Add(FeatureHash.Of(template + 13, r, headRel));
                f.Add(FeatureHash.Of(template + 14, tree, edgeTag));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void StartFeatures(int c, int a, int b, List<ulong> f)
        {
            string d = Offset(c - a);
            string w = Word(c), wp = Word(c - 1), t = Tag(c), tp = Tag(c - 1), r = Rel(c);
            string opens = "", reach = "", headRel = "";
            if (_heads is not null)
            {
                int h = c < _heads.Length ? _heads[c] : -1;

                // Where a constituent starts: the candidate opens its head's subtree, or its own reaches the span's end.
                opens = h >= 0 && _lo[h] == c ? "head" : _lo[c] == c ? "own" : "inner";
                reach = _hi[c] == b - 1 ? "end" : _hi[c] > b - 1 ? "past" : "short";
                headRel = h >= 0 ? Rel(h) : "root";
            }

            EdgeWindow(100, d, wp, w, true, tp, t, r, opens, reach, headRel, f);

            // What the move takes in or gives up: "that", commas, quotes.
            int from = Math.Min(a, c), to = Math.Max(a, c);
            string between = (Holds(from, to, "that", "to") ? "t" : "-") + (Holds(from, to, ",", "--") ? "," : "-") + (Holds(from, to, "\"", "'") ? "q" : "-");
            f.Add(FeatureHash.Of(115, d, between));
            f.Add(FeatureHash.Of(116, between, w));

            // The cue before the span: how far the start lies from it, and which cue takes which opening word.
            int cue = _cueBefore[Math.Min(a, c)];
            string gap = cue < 0 ? "none" : Offset(c - cue - 1);
            f.Add(FeatureHash.Of(117, gap, t));
            f.Add(FeatureHash.Of(118, cue < 0 ? "none" : _norm[cue], w));
            f.Add(FeatureHash.Of(119, Word(a), w));
            if (_heads is not null && c < _heads.Length && _heads[c] >= 0)
            {
                f.Add(FeatureHash.Of(150, r, Word(_heads[c])));
            }
        }

        /// <summary>Whole-span features: how many syntactic pieces the span is, and whether it is one subtree.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void SpanFeatures(int s, int e, int a, int b, List<ulong> f)
        {
            string ms = Offset(s - a), me = Offset(e - b);
            int len = e - s;
            string length = len switch { 1 => "1", 2 => "2", <= 4 => "4", <= 8 => "8", <= 16 => "16", _ => "many" };
            f.Add(FeatureHash.Of(140, length, ms, me));

            // The tagger's own view of this span, on a doubling scale (its scores are unnormalised perceptron sums).
            float c = _cost.Cost(s, e);
            string cost = CostBuckets[Math.Min(CostBuckets.Length - 1, c < 1 ? 0 : 1 + (int)MathF.Log2(c))];
            f.Add(FeatureHash.Of(146, cost));
            f.Add(FeatureHash.Of(147, cost, ms, me));
            f.Add(FeatureHash.Of(148, cost, length));
            if (_heads is null)
            {
                return;
            }

            // Tokens of the span whose head lies outside it (punctuation aside): one means a connected phrase.
            int roots = 0, first = -1;
            for (int i = s; i < e; i++)
            {
                int h = _heads[i];
                if ((h < s || h >= e) && Rel(i) != "punct")
                {
                    roots++;
                    if (first < 0)
                    {
                        first = i;
                    }
                }
            }

            string pieces = roots switch { 0 => "0", 1 => "1", 2 => "2", _ => "3+" };
            string rootRel = first >= 0 ? Rel(first) : "-";
            bool subtree = roots == 1 && _lo[first] >= s && _hi[first] <= e - 1;
            string whole = subtree ? (_lo[first] == s && _hi[first] == e - 1 ? "exact" : "within") : "no";
            f.Add(FeatureHash.Of(141, pieces));
            f.Add(FeatureHash.Of(142, pieces, rootRel));
            f.Add(FeatureHash.Of(143, whole, rootRel));
            f.Add(FeatureHash.Of(144, pieces, ms, me));
            f.Add(FeatureHash.Of(145, whole, length));
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void EndFeatures(int c, int a, int b, List<ulong> f)
        {
            // c is an exclusive end: the last token is c - 1.
            string d = Offset(c - b);
            string w = Word(c - 1), wn = Word(c), t = Tag(c - 1), tn = Tag(c), r = Rel(c - 1);
            string closes = "", reach = "", headRel = "";
            if (_heads is not null)
            {
                int last = c - 1;
                int h = _heads[last];
                closes = h >= 0 && _hi[h] == last ? "head" : _hi[last] == last ? "own" : "inner";
                reach = _lo[last] == a ? "start" : _lo[last] < a ? "before" : "after";
                headRel = h >= 0 ? Rel(h) : "root";
            }

            EdgeWindow(120, d, w, wn, false, t, tn, r, closes, reach, headRel, f);

            int from = Math.Min(b, c), to = Math.Max(b, c);
            string between = (Holds(from, to, ".", "?") ? "." : "-") + (Holds(from, to, ",", "--") ? "," : "-") + (Holds(from, to, "\"", "'") ? "q" : "-");
            f.Add(FeatureHash.Of(135, d, between));
            f.Add(FeatureHash.Of(136, between, w));

            // A cue right after the span ends content that comes first ("..., he said").
            int cue = _cueAfter[Math.Max(b, c)];
            string gap = cue < 0 ? "none" : Offset(cue - c);
            f.Add(FeatureHash.Of(137, gap, t));
            f.Add(FeatureHash.Of(138, gap, wn));
            f.Add(FeatureHash.Of(139, Word(b - 1), w));
        }
    }
}
