namespace Hearsay.Attribution.Tagging;

/// <summary>
/// Last stage of content decoding: drops a predicted content span that is unlikely to be exactly right and unlikely
/// to be content at all. Exact-match scoring counts a span with a wrong edge as a false positive as well as a miss, so
/// keeping a span whose chance of being exact is below about half the F1 costs more than it brings; the tagger's
/// Viterbi choice keeps every span more likely content than not, whatever its edges. Two logistic regressions (is the
/// span exact; does it overlap a gold content span at all) over how sure the tagger is of the content (its best score
/// minus its best with no content on the span) and of the nearest cue, how sure the ranker is of the edges (its best
/// pair's lead over the second best), the span's length, the cue's distance and lexicon strength, whether a source was
/// found and whether the span opens with a quote. A span is dropped when both probabilities are below their thresholds.
/// Trained on two-fold predictions over the training units (tagger and ranker both cross-predicted), so its inputs err
/// as they do on unseen text.
/// </summary>
public sealed class ContentSpanFilter
{
    /// <summary>Inputs per span (a bias weight follows them).</summary>
    public const int Inputs = 14;

    private static readonly int BeginContent = BioLabels.Begin(AttributionRole.Content);
    private static readonly int InsideContent = BioLabels.Inside(AttributionRole.Content);

    private readonly float[] _mean;
    private readonly float[] _scale;
    private readonly float[] _exact;
    private readonly float[] _overlap;

    private ContentSpanFilter(float[] mean, float[] scale, float[] exact, float[] overlap)
    {
        _mean = mean;
        _scale = scale;
        _exact = exact;
        _overlap = overlap;
    }

    /// <summary>Spans whose probability of being exact is below this (and of overlapping gold below <see cref="OverlapThreshold"/>) are dropped; chosen by the trainer on held-out training spans (<see cref="ChooseThresholds"/>).</summary>
    public float ExactThreshold { get; set; } = 0.3f;

    /// <summary>See <see cref="ExactThreshold"/>.</summary>
    public float OverlapThreshold { get; set; } = 0.5f;

    /// <summary>The probabilities that the span with inputs <paramref name="x"/> is exactly a gold content span, and that it overlaps one.</summary>
    public (float Exact, float Overlap) Probability(ReadOnlySpan<float> x) => (Logistic(_exact, x), Logistic(_overlap, x));

    private float Logistic(float[] weights, ReadOnlySpan<float> x)
    {
        float z = weights[Inputs];
        for (int k = 0; k < Inputs; k++)
        {
            z += weights[k] * (x[k] - _mean[k]) / _scale[k];
        }

        return 1f / (1f + MathF.Exp(-z));
    }

    /// <summary>Whether a span with these probabilities is dropped.</summary>
    public bool Drops((float Exact, float Overlap) p) => new Thresholds(ExactThreshold, OverlapThreshold).Drops(p);

    /// <summary>A span is dropped when both its probabilities are below these.</summary>
    public readonly record struct Thresholds(float Exact, float Overlap)
    {
        public bool Drops((float Exact, float Overlap) p) => p.Exact < Exact && p.Overlap < Overlap;
    }

    /// <summary>A predicted content span scored by a filter: its probabilities, whether it is exactly a gold span, and the gold spans (numbered over the whole set) it overlaps.</summary>
    public readonly record struct ScoredSpan((float Exact, float Overlap) P, bool Exact, int[] Covers);

    /// <summary>
    /// The thresholds with the best content exact F1 over <paramref name="spans"/> (out-of-sample predictions against
    /// <paramref name="gold"/> gold spans) among those that keep content overlap F1 at least where it stands without
    /// the filter (dropping a span with a wrong edge helps exact F1 but costs overlap recall). Grid: P(exact) below
    /// 0.10-0.40 or any, and P(overlap) below 0.05-0.95; none when no pair beats keeping every span.
    /// </summary>
    public static (float Exact, float Overlap) ChooseThresholds(IReadOnlyList<ScoredSpan> spans, int gold, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(spans);
        ArgumentNullException.ThrowIfNull(log);

        (double Exact, double Overlap) Score(float te, float to)
        {
            var probe = new Thresholds(te, to);
            int kept = 0, exact = 0, overlapping = 0;
            var covered = new HashSet<int>();
            foreach (var span in spans)
            {
                if (probe.Drops(span.P))
                {
                    continue;
                }

                kept++;
                exact += span.Exact ? 1 : 0;
                overlapping += span.Covers.Length > 0 ? 1 : 0;
                covered.UnionWith(span.Covers);
            }

            double op = (double)overlapping / Math.Max(1, kept), or = (double)covered.Count / Math.Max(1, gold);
            return (2.0 * exact / Math.Max(1, kept + gold), op + or == 0 ? 0 : 2 * op * or / (op + or));
        }

        var (baseExact, baseOverlap) = Score(0, 0);
        log.WriteLine(FormattableString.Invariant($"content filter: {spans.Count} held-out spans, {gold} gold; without it exact F1 {100 * baseExact:F3}, overlap F1 {100 * baseOverlap:F3}"));
        (float, float) best = (0, 0);
        double bestF1 = baseExact;
        foreach (var te in (float[])[0.1f, 0.15f, 0.2f, 0.25f, 0.3f, 0.35f, 0.4f, 1f])
        {
            for (int step = 1; step <= 19; step++)
            {
                float to = step * 0.05f;
                var (ex, ov) = Score(te, to);
                log.WriteLine(FormattableString.Invariant($"content filter: exact below {te:F2} and overlap below {to:F2}: exact F1 {100 * ex:F3}, overlap F1 {100 * ov:F3}"));
                if (ov >= baseOverlap && ex > bestF1)
                {
                    bestF1 = ex;
                    best = (te, to);
                }
            }
        }

        log.WriteLine(FormattableString.Invariant($"content filter: thresholds {best.Item1:F2} / {best.Item2:F2}, held-out content exact F1 {100 * bestF1:F2}"));
        return best;
    }

    /// <summary>Relabels as outside every content span of <paramref name="labels"/> that <see cref="Drops"/>.</summary>
    public void Apply(string[] words, int[] labels, TagLattice lattice, IReadOnlyList<(int Start, int End, float Gap)> gaps, CueLexicon lexicon)
    {
        // No probability is below a zero threshold, so such a filter keeps every span: skip its Viterbi passes.
        if (ExactThreshold <= 0 || OverlapThreshold <= 0)
        {
            return;
        }

        foreach (var (s, e, x) in Spans(words, labels, lattice, gaps, lexicon))
        {
            if (Drops(Probability(x)))
            {
                for (int i = s; i < e; i++)
                {
                    labels[i] = BioLabels.Outside;
                }

                // A following span's I- labels would otherwise continue nothing.
                if (e < labels.Length && labels[e] == InsideContent)
                {
                    labels[e] = BeginContent;
                }
            }
        }
    }

    /// <summary>Every content span of <paramref name="labels"/> with its inputs.</summary>
    public static List<(int Start, int End, float[] X)> Spans(string[] words, int[] labels, TagLattice lattice, IReadOnlyList<(int Start, int End, float Gap)> gaps, CueLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(words);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(gaps);
        var result = new List<(int, int, float[])>();
        var spans = BioLabels.Spans(labels, AttributionRole.Content);
        if (spans.Count == 0)
        {
            return result;
        }

        var cues = BioLabels.Spans(labels, AttributionRole.Cue);
        bool sources = BioLabels.Spans(labels, AttributionRole.Source).Count > 0;
        float best = lattice.BestScore();
        foreach (var (s, e) in spans)
        {
            // A span the ranker never saw (none in practice) counts as one it was sure of.
            float gap = 1000;
            foreach (var g in gaps)
            {
                if (g.Start == s && g.End == e)
                {
                    gap = g.Gap;
                }
            }

            // The nearest cue: how far, how sure the tagger is of it, how often its words are cues in training.
            int distance = 60;
            (int Start, int End) near = (-1, -1);
            foreach (var (cs, ce) in cues)
            {
                int d = cs >= e ? cs - e + 1 : ce <= s ? s - ce + 1 : 0;
                if (d < distance)
                {
                    distance = d;
                    near = (cs, ce);
                }
            }

            float cueMargin = 0, strength = 0;
            if (near.Start >= 0)
            {
                cueMargin = Math.Max(0, lattice.Margin(AttributionRole.Cue, near.Start, near.End, best));
                for (int i = near.Start; i < near.End; i++)
                {
                    strength = Math.Max(strength, lexicon.Ratios.GetValueOrDefault(WordNormalizer.Normalize(words[i])));
                }
            }

            float margin = Math.Max(0, lattice.Margin(AttributionRole.Content, s, e, best));
            int len = e - s;
            result.Add((s, e,
            [
                MathF.Log(1 + margin),
                MathF.Log(1 + (margin / len)),
                MathF.Log(len),
                MathF.Log(1 + Math.Clamp(gap, 0, 1000)),
                cues.Count > 0 ? 1 : 0,
                words[s] is "``" or "\"" or "'" or "`" ? 1 : 0,
                distance / 60f,
                len <= 4 ? 1 : 0,
                len <= 2 ? 1 : 0,
                MathF.Log(1 + cueMargin),
                strength,
                sources ? 1 : 0,
                MathF.Log(spans.Count),
                e >= labels.Length - 1 ? 1 : 0,
            ]));
        }

        return result;
    }

    /// <summary>Logistic regression by batch gradient descent on standardised inputs (deterministic).</summary>
    public static ContentSpanFilter Train(IReadOnlyList<float[]> xs, IReadOnlyList<bool> exact, IReadOnlyList<bool> overlap, int iterations, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(xs);
        ArgumentNullException.ThrowIfNull(exact);
        ArgumentNullException.ThrowIfNull(overlap);
        ArgumentNullException.ThrowIfNull(log);
        int n = xs.Count;
        var mean = new float[Inputs];
        var scale = new float[Inputs];
        for (int k = 0; k < Inputs; k++)
        {
            double sum = 0, sq = 0;
            foreach (var x in xs)
            {
                sum += x[k];
                sq += x[k] * (double)x[k];
            }

            double mu = n > 0 ? sum / n : 0;
            mean[k] = (float)mu;
            scale[k] = (float)Math.Max(1e-3, Math.Sqrt(Math.Max(0, (n > 0 ? sq / n : 0) - (mu * mu))));
        }

        var z = new double[n][];
        for (int i = 0; i < n; i++)
        {
            z[i] = new double[Inputs + 1];
            for (int k = 0; k < Inputs; k++)
            {
                z[i][k] = (xs[i][k] - mean[k]) / scale[k];
            }

            z[i][Inputs] = 1;
        }

        var exactWeights = Fit(z, exact, iterations, "exact", log);
        var overlapWeights = Fit(z, overlap, iterations, "overlap", log);
        return new ContentSpanFilter(mean, scale, exactWeights, overlapWeights);
    }

    private static float[] Fit(double[][] z, IReadOnlyList<bool> target, int iterations, string name, TextWriter log)
    {
        int n = z.Length;
        var w = new double[Inputs + 1];
        var grad = new double[Inputs + 1];
        const double Rate = 0.5, L2 = 1e-4;
        double loss = 0;
        for (int it = 0; it < iterations; it++)
        {
            Array.Clear(grad);
            loss = 0;
            for (int i = 0; i < n; i++)
            {
                double s = 0;
                for (int k = 0; k <= Inputs; k++)
                {
                    s += w[k] * z[i][k];
                }

                double p = 1 / (1 + Math.Exp(-s));
                double y = target[i] ? 1 : 0;
                loss -= (y * Math.Log(Math.Max(p, 1e-12))) + ((1 - y) * Math.Log(Math.Max(1 - p, 1e-12)));
                for (int k = 0; k <= Inputs; k++)
                {
                    grad[k] += (p - y) * z[i][k];
                }
            }

            for (int k = 0; k <= Inputs; k++)
            {
                w[k] -= Rate * ((grad[k] / Math.Max(1, n)) + (L2 * w[k]));
            }
        }

        var weights = new float[Inputs + 1];
        for (int k = 0; k <= Inputs; k++)
        {
            weights[k] = (float)w[k];
        }

        log.WriteLine(FormattableString.Invariant($"content filter, {name}: {n} spans, {target.Count(e => e)} positive, log loss {loss / Math.Max(1, n):F3}, weights {string.Join(' ', weights.Select(x => x.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}"));
        return weights;
    }

    internal void Write(BinaryWriter w)
    {
        w.Write(ExactThreshold);
        w.Write(OverlapThreshold);
        w.Write(Inputs);
        for (int k = 0; k < Inputs; k++)
        {
            w.Write(_mean[k]);
            w.Write(_scale[k]);
        }

        foreach (var x in _exact)
        {
            w.Write(x);
        }

        foreach (var x in _overlap)
        {
            w.Write(x);
        }
    }

    internal static ContentSpanFilter Read(BinaryReader r)
    {
        float exactThreshold = r.ReadSingle();
        float overlapThreshold = r.ReadSingle();
        int inputs = r.ReadInt32();
        if (inputs != Inputs)
        {
            throw new InvalidDataException($"content filter with {inputs} inputs, this version reads {Inputs}");
        }

        var mean = new float[Inputs];
        var scale = new float[Inputs];
        for (int k = 0; k < Inputs; k++)
        {
            mean[k] = r.ReadSingle();
            scale[k] = r.ReadSingle();
        }

        var exact = new float[Inputs + 1];
        var overlap = new float[Inputs + 1];
        for (int k = 0; k <= Inputs; k++)
        {
            exact[k] = r.ReadSingle();
        }

        for (int k = 0; k <= Inputs; k++)
        {
            overlap[k] = r.ReadSingle();
        }

        return new ContentSpanFilter(mean, scale, exact, overlap) { ExactThreshold = exactThreshold, OverlapThreshold = overlapThreshold };
    }
}
