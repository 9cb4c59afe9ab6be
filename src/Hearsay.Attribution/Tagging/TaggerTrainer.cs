using System.Diagnostics;
using System.Globalization;
using Hearsay.Attribution.Evaluation;
using Hearsay.Core.Learning;

namespace Hearsay.Attribution.Tagging;

/// <summary>
/// Trains <see cref="AttributionTagger"/> as an averaged structured perceptron: sentences in a
/// seeded shuffle each epoch, Viterbi decode, update towards gold where they differ. The epoch
/// whose averaged weights score best on dev (mean exact F1 of the three roles) is kept.
/// </summary>
public sealed class TaggerTrainer
{
    private const int L = BioLabels.Count;

    public int Epochs { get; init; } = 12;

    public int Seed { get; init; } = 13;

    /// <summary>Features seen fewer times than this in training are dropped (model size, overfitting).</summary>
    public int MinFeatureCount { get; init; } = 6;

    /// <summary>
    /// Loss-augmented training: each wrong label of a token scores this much more while decoding a training
    /// unit, so an update also happens where gold wins by less than this margin (0: plain perceptron).
    /// </summary>
    public float Margin { get; init; }

    /// <summary>Also train a <see cref="ContentBoundaryRanker"/> on two-fold predictions over the training units.</summary>
    public bool ContentBoundaries { get; init; }

    /// <summary>A tagger to put the ranker on instead of training one (experiments on the ranker alone), or null.</summary>
    public AttributionTagger? BaseTagger { get; init; }

    /// <summary>File holding the two-fold predictions (written when absent, read when present: they take most of the time), or null.</summary>
    public string? FoldCache { get; init; }

    /// <summary>Epochs of the content-boundary ranker.</summary>
    public int RankerEpochs { get; init; } = 5;

    /// <summary>Also read the units' distributional word classes (<see cref="LabeledSentence.Classes"/>) as features.</summary>
    public bool WordClassFeatures { get; init; }

    /// <summary>Two passes: a first tagger's labels (cross-predicted on train in two folds) become features of a second.</summary>
    public bool Stacked { get; init; }

    public AttributionTagger Train(IReadOnlyList<LabeledSentence> train, IReadOnlyList<LabeledSentence>? dev, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(log);
        if (!Stacked)
        {
            var (scorer, fitScorer) = Scorer is not null || NetworkEpochs <= 0 || Embeddings is null
                ? (Scorer, null)
                : TrainScorers(train, dev, log, cancellationToken);
            if (!ContentBoundaries)
            {
                return WithScorer(TrainOne(train, null, dev, null, "perceptron", log, cancellationToken), scorer, dev, log);
            }

            var folded = FoldCache is not null && File.Exists(FoldCache) ? ReadFolds(FoldCache) : CrossPredict(train, log, cancellationToken);
            if (FoldCache is not null && !File.Exists(FoldCache))
            {
                WriteFolds(FoldCache, folded);
            }

            var tagger = BaseTagger ?? TrainOne(train, null, dev, null, "perceptron", log, cancellationToken);
            tagger.Ranker = null;
            tagger.Filter = null;
            WithScorer(tagger, scorer, dev, log);
            var ranker = ContentBoundaryRanker.Train(train, folded, RankerEpochs, Seed, log);
            tagger.Ranker = ranker;
            if (dev is { Count: > 0 })
            {
                log.WriteLine("dev with content boundaries: " + Evaluate(tagger, dev).Summary());
            }

            if (ContentFilter)
            {
                // Thresholds come from held-out training spans, never from dev: a dev score with thresholds picked
                // on dev is optimistic (58.30 dev-tuned on PolNeAR dev, see the model card).
                var (filter, heldOut, gold) = TrainFilter(train, folded, RankerEpochs, Seed, crossFit: ThresholdHoldout <= 0, log);
                (filter.ExactThreshold, filter.OverlapThreshold) = ThresholdHoldout > 0
                    ? ChooseOnHeldOutDocuments(train, dev, filter, fitScorer, log, cancellationToken)
                    : ContentSpanFilter.ChooseThresholds(heldOut, gold, log);
                tagger.Filter = filter;
                if (dev is { Count: > 0 })
                {
                    log.WriteLine("dev with content filter: " + Evaluate(tagger, dev).Summary());
                }
            }

            return tagger;
        }

        // Units come grouped by document, so contiguous halves keep documents apart.
        int half = train.Count / 2;
        var a = train.Take(half).ToList();
        var b = train.Skip(half).ToList();
        log.WriteLine($"stacking: first-pass folds of {a.Count} and {b.Count} units");
        var onA = TrainOne(a, null, null, null, "fold-a", log, cancellationToken);
        var onB = TrainOne(b, null, null, null, "fold-b", log, cancellationToken);
        var firstPass = new int[train.Count][];
        for (int s = 0; s < train.Count; s++)
        {
            firstPass[s] = (s < half ? onB : onA).Predict(train[s].Tokens, train[s].Pos, train[s].Heads, train[s].Rels, classes: train[s].Classes);
        }

        log.WriteLine("stacking: first pass on all training units");
        var inner = TrainOne(train, null, dev, null, "pass1", log, cancellationToken);
        log.WriteLine("stacking: second pass");
        return TrainOne(train, firstPass, dev, inner, "stacked", log, cancellationToken);
    }

    private static void WriteFolds(string path, (int[] Labels, TagLattice Lattice)[] folds)
    {
        using var w = new BinaryWriter(File.Create(path));
        w.Write(folds.Length);
        foreach (var (labels, lattice) in folds)
        {
            w.Write(labels.Length);
            foreach (var l in labels)
            {
                w.Write((byte)l);
            }

            foreach (var x in lattice.Emissions)
            {
                w.Write(x);
            }

            foreach (var x in lattice.Transitions)
            {
                w.Write(x);
            }
        }
    }

    private static (int[] Labels, TagLattice Lattice)[] ReadFolds(string path)
    {
        using var r = new BinaryReader(File.OpenRead(path));
        var folds = new (int[], TagLattice)[r.ReadInt32()];
        for (int s = 0; s < folds.Length; s++)
        {
            var labels = new int[r.ReadInt32()];
            for (int i = 0; i < labels.Length; i++)
            {
                labels[i] = r.ReadByte();
            }

            var emissions = new float[labels.Length * L];
            for (int i = 0; i < emissions.Length; i++)
            {
                emissions[i] = r.ReadSingle();
            }

            var transitions = new float[(L + 1) * L];
            for (int i = 0; i < transitions.Length; i++)
            {
                transitions[i] = r.ReadSingle();
            }

            folds[s] = (labels, new TagLattice(emissions, transitions));
        }

        return folds;
    }

    /// <summary>Also train a <see cref="ContentSpanFilter"/> (needs <see cref="ContentBoundaries"/>).</summary>
    public bool ContentFilter { get; init; }

    /// <summary>
    /// The filter learns from spans as the shipped stages leave them on unseen text: the fold taggers' labels, moved
    /// by a ranker trained on the other half of the units (a ranker trained on a unit is surer of it than of new text).
    /// With <paramref name="crossFit"/>, also returns every span scored by regressions fitted on the other half only (a
    /// two-fold cross-fit), so that the thresholds are chosen on probabilities as out of sample as the ones the shipped
    /// filter gives on new text, and the number of gold content spans of the training units; without it (thresholds
    /// chosen on held-out documents instead) the two extra fits are skipped and the list is empty.
    /// </summary>
    private static (ContentSpanFilter Filter, List<ContentSpanFilter.ScoredSpan> HeldOut, int Gold) TrainFilter(IReadOnlyList<LabeledSentence> train, (int[] Labels, TagLattice Lattice)[] folded, int rankerEpochs, int seed, bool crossFit, TextWriter log)
    {
        int half = train.Count / 2;
        var xs = new List<float[]>();
        var exact = new List<bool>();
        var overlap = new List<bool>();
        var covers = new List<int[]>();
        var parts = new List<int>();
        int gold = 0;
        for (int part = 0; part < 2; part++)
        {
            int from = part == 0 ? 0 : half, to = part == 0 ? half : train.Count;
            var units = new List<LabeledSentence>();
            var folds = new List<(int[] Labels, TagLattice Lattice)>();
            for (int u = 0; u < train.Count; u++)
            {
                if (u < from || u >= to)
                {
                    units.Add(train[u]);
                    folds.Add(folded[u]);
                }
            }

            var ranker = ContentBoundaryRanker.Train(units, folds, rankerEpochs, seed, TextWriter.Null);
            var lexicon = CueLexicon.Build(units);
            for (int u = from; u < to; u++)
            {
                var s = train[u];
                var labels = (int[])folded[u].Labels.Clone();
                var gaps = new List<(int Start, int End, float Gap)>();
                ranker.Apply(s.Tokens, s.Pos, s.Heads, s.Rels, labels, folded[u].Lattice, gaps);
                var g = BioLabels.Spans(s.Labels, AttributionRole.Content);
                foreach (var (a, b, x) in ContentSpanFilter.Spans(s.Tokens, labels, folded[u].Lattice, gaps, lexicon))
                {
                    xs.Add(x);
                    exact.Add(g.Contains((a, b)));
                    overlap.Add(g.Exists(k => k.Start < b && a < k.End));
                    covers.Add(Enumerable.Range(0, g.Count).Where(k => g[k].Start < b && a < g[k].End).Select(k => gold + k).ToArray());
                    parts.Add(part);
                }

                gold += g.Count;
            }
        }

        var filter = ContentSpanFilter.Train(xs, exact, overlap, 300, log);
        if (!crossFit)
        {
            return (filter, [], gold);
        }

        var heldOut = new ContentSpanFilter.ScoredSpan[xs.Count];
        for (int part = 0; part < 2; part++)
        {
            var fit = Enumerable.Range(0, xs.Count).Where(i => parts[i] != part).ToList();
            log.WriteLine($"content filter, cross-fit: regressions on the spans of half {2 - part}, scoring half {part + 1}");
            var onOther = ContentSpanFilter.Train(fit.Select(i => xs[i]).ToList(), fit.Select(i => exact[i]).ToList(), fit.Select(i => overlap[i]).ToList(), 300, log);
            for (int i = 0; i < xs.Count; i++)
            {
                if (parts[i] == part)
                {
                    heldOut[i] = new ContentSpanFilter.ScoredSpan(onOther.Probability(xs[i]), exact[i], covers[i]);
                }
            }
        }

        return (filter, heldOut.ToList(), gold);
    }

    /// <summary>
    /// Share of the training documents held out to choose the content filter's thresholds (0: the two-fold cross-fit of
    /// <see cref="TrainFilter"/> instead). The two-fold spans come from taggers trained on half the units, which are
    /// much weaker than the shipped one (content exact F1 50.2 against 57.5 on dev), so dropping a doubtful span
    /// there costs overlap recall far more often than on new text; a tagger trained on most documents errs more like
    /// the shipped one.
    /// </summary>
    public double ThresholdHoldout { get; init; } = 0.2;

    /// <summary>The pruning the shipped file is saved with (<see cref="AttributionTagger.Save"/>), so that the held-out tagger is quantized like it.</summary>
    public float SavePrune { get; init; } = 1.0f;

    /// <summary>Epochs of the window scorer over MiniLM vectors whose log-probabilities join the tagger's emissions (0: none; needs <see cref="Embeddings"/>).</summary>
    public int NetworkEpochs { get; init; }

    /// <summary>MiniLM's static embedding table, the window scorer's input.</summary>
    public WordEmbeddings? Embeddings { get; init; }

    /// <summary>A trained window scorer (with its weight) to put on the tagger instead of training one: the held-out recipe's.</summary>
    public WindowScorer? Scorer { get; init; }

    /// <summary>
    /// The window scorer over the seven BIO labels (the NER scorer's network and hyper-parameters), its weight chosen on
    /// held-out training documents, never on dev: a perceptron and a network trained on the documents outside the
    /// <see cref="ThresholdHoldout"/> share (the same split as the filter's thresholds), the weight of the grid with the
    /// best mean exact F1 of the three roles on the held-out documents (tagger alone); then the network is retrained
    /// on all units. Returns the full scorer and the held-out one, both with that weight.
    /// </summary>
    private (WindowScorer Full, WindowScorer Fit) TrainScorers(IReadOnlyList<LabeledSentence> train, IReadOnlyList<LabeledSentence>? dev, TextWriter log, CancellationToken cancellationToken)
    {
        var (fit, held) = SplitDocuments(train, ThresholdHoldout > 0 ? ThresholdHoldout : 0.2, Seed);
        log.WriteLine(FormattableString.Invariant($"window scorer: weight chosen on {held.Count} held-out units, perceptron and network on {fit.Count}"));
        var perceptron = TrainOne(fit, null, dev, null, "network held-out perceptron", log, cancellationToken);
        var network = TrainNetwork("attribution held-out network", fit, log, cancellationToken);
        // NER's grid, continued above 32: the perceptron's emissions here are larger (hundreds of features a token), and
        // the first held-out run peaked at its last finite weight (32).
        float[] grid = [0, 0.5f, 1, 1.5f, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 1000];
        float best = 0;
        double bestScore = -1;
        foreach (float scale in grid)
        {
            perceptron.Scorer = scale == 0 ? null : network.WithScale(scale);
            var scores = Evaluate(perceptron, held);
            log.WriteLine(FormattableString.Invariant($"window scorer held-out: weight {scale} mean exact F1 {scores.MeanExactF1:F4} {scores.Summary()}"));
            if (scores.MeanExactF1 > bestScore)
            {
                bestScore = scores.MeanExactF1;
                best = scale;
            }
        }

        log.WriteLine(FormattableString.Invariant($"window scorer: weight {best} (held-out mean exact F1 {bestScore:F4})"));
        var full = TrainNetwork("attribution network", train, log, cancellationToken);
        return (full.WithScale(best), network.WithScale(best));
    }

    private WindowScorer TrainNetwork(string name, IReadOnlyList<LabeledSentence> units, TextWriter log, CancellationToken cancellationToken)
    {
        var sentences = units.Select(s => (s.Tokens, s.Labels)).ToArray();
        return new WindowScorerTrainer(new WindowScorerSettings { Epochs = NetworkEpochs }, log)
            .Train(name, sentences, Embeddings!, BioLabels.Count, new Random(Seed), cancellationToken);
    }

    /// <summary>Puts <paramref name="scorer"/> (weight 0: none) on <paramref name="tagger"/> and logs dev with it.</summary>
    private static AttributionTagger WithScorer(AttributionTagger tagger, WindowScorer? scorer, IReadOnlyList<LabeledSentence>? dev, TextWriter log)
    {
        tagger.Scorer = scorer is { Scale: > 0 } ? scorer : null;
        if (tagger.Scorer is not null && dev is { Count: > 0 })
        {
            log.WriteLine("dev with the window scorer: " + Evaluate(tagger, dev).Summary());
        }

        return tagger;
    }

    /// <summary>
    /// Trains the tagger and ranker with this trainer's recipe on the documents outside a seeded <see cref="ThresholdHoldout"/>
    /// share, saved and reloaded as the shipped file is, predicts the held-out documents, scores their content spans
    /// with <paramref name="filter"/> (the regressions fitted on all training spans, as shipped) and chooses the
    /// thresholds on them with <see cref="ContentSpanFilter.ChooseThresholds"/>.
    /// </summary>
    /// <param name="fitScorer">The window scorer trained on the same training part (with the weight chosen on the same held-out part), or null.</param>
    private (float Exact, float Overlap) ChooseOnHeldOutDocuments(IReadOnlyList<LabeledSentence> train, IReadOnlyList<LabeledSentence>? dev, ContentSpanFilter filter, WindowScorer? fitScorer, TextWriter log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (fit, held) = SplitDocuments(train, ThresholdHoldout, Seed);
        log.WriteLine(FormattableString.Invariant($"content filter thresholds: {fit.Count} units to train on, {held.Count} held-out units ({ThresholdHoldout:P0} of the documents, seed {Seed})"));
        var recipe = new TaggerTrainer
        {
            Epochs = Epochs, Seed = Seed, MinFeatureCount = MinFeatureCount, Margin = Margin, ContentBoundaries = true,
            RankerEpochs = RankerEpochs, RankerFolds = RankerFolds, WordClassFeatures = WordClassFeatures, Scorer = fitScorer,
        };
        var tagger = recipe.Train(fit, dev, log, cancellationToken);
        var path = Path.GetTempFileName();
        try
        {
            tagger.Save(path, SavePrune);
            tagger = AttributionTagger.Load(path);
        }
        finally
        {
            File.Delete(path);
        }

        // The spans and inputs exactly as AttributionTagger.Predict gives them to the filter.
        var spans = new List<ContentSpanFilter.ScoredSpan>();
        int gold = 0;
        foreach (var s in held)
        {
            var (labels, emissions) = tagger.Lattice(s.Tokens, s.Pos, s.Heads, s.Rels, s.Classes);
            AttributionTagger.TrimLeadingPunctuation(s.Tokens, labels);
            var lattice = new TagLattice(emissions, tagger.Transitions);
            var gaps = new List<(int Start, int End, float Gap)>();
            tagger.Ranker!.Apply(s.Tokens, s.Pos, s.Heads, s.Rels, labels, lattice, gaps);
            var g = BioLabels.Spans(s.Labels, AttributionRole.Content);
            foreach (var (a, b, x) in ContentSpanFilter.Spans(s.Tokens, labels, lattice, gaps, tagger.Lexicon))
            {
                var covers = Enumerable.Range(0, g.Count).Where(k => g[k].Start < b && a < g[k].End).Select(k => gold + k).ToArray();
                spans.Add(new ContentSpanFilter.ScoredSpan(filter.Probability(x), g.Contains((a, b)), covers));
            }

            gold += g.Count;
        }

        var chosen = ContentSpanFilter.ChooseThresholds(spans, gold, log);
        log.WriteLine(FormattableString.Invariant($"content filter thresholds: held-out documents took {clock.Elapsed.TotalSeconds:F0}s"));
        return chosen;
    }

    /// <summary>
    /// Splits the units by document (the id up to its last '_', so every annotator's version of an article falls on one
    /// side) into a training part and a held-out part of about <paramref name="share"/> of the documents, chosen by a
    /// seeded shuffle; both keep the units' order.
    /// </summary>
    internal static (List<LabeledSentence> Fit, List<LabeledSentence> Held) SplitDocuments(IReadOnlyList<LabeledSentence> units, double share, int seed)
    {
        static string Document(LabeledSentence s) => s.Id.LastIndexOf('_') is var k and > 0 ? s.Id[..k] : s.Id;
        var documents = units.Select(Document).Distinct(StringComparer.Ordinal).ToArray();
        new Random(seed).Shuffle(documents);
        var held = documents.Take((int)Math.Round(documents.Length * share)).ToHashSet(StringComparer.Ordinal);
        var fit = new List<LabeledSentence>();
        var heldOut = new List<LabeledSentence>();
        foreach (var s in units)
        {
            (held.Contains(Document(s)) ? heldOut : fit).Add(s);
        }

        return (fit, heldOut);
    }

    /// <summary>Folds of the ranker's training predictions (4 scored no better on dev than 2, at twice the time).</summary>
    public int RankerFolds { get; init; } = 2;

    /// <summary>Labels and lattices of every training unit from a tagger trained on the other folds (contiguous chunks keep documents apart).</summary>
    private (int[] Labels, TagLattice Lattice)[] CrossPredict(IReadOnlyList<LabeledSentence> train, TextWriter log, CancellationToken cancellationToken)
    {
        var predicted = new (int[], TagLattice)[train.Count];
        int k = Math.Max(2, RankerFolds);
        for (int fold = 0; fold < k; fold++)
        {
            int from = (int)((long)train.Count * fold / k);
            int to = (int)((long)train.Count * (fold + 1) / k);
            var rest = new List<LabeledSentence>(train.Count - (to - from));
            for (int s = 0; s < train.Count; s++)
            {
                if (s < from || s >= to)
                {
                    rest.Add(train[s]);
                }
            }

            log.WriteLine($"content boundaries: fold {fold + 1} of {k}, tagger on {rest.Count} units");
            var other = TrainOne(rest, null, null, null, "fold-" + (fold + 1).ToString(CultureInfo.InvariantCulture), log, cancellationToken);
            for (int s = from; s < to; s++)
            {
                var (labels, emissions) = other.Lattice(train[s].Tokens, train[s].Pos, train[s].Heads, train[s].Rels, train[s].Classes);
                AttributionTagger.TrimLeadingPunctuation(train[s].Tokens, labels);
                predicted[s] = (labels, new TagLattice(emissions, other.Transitions));
            }
        }

        return predicted;
    }

    private AttributionTagger TrainOne(IReadOnlyList<LabeledSentence> train, int[][]? firstPass, IReadOnlyList<LabeledSentence>? dev, AttributionTagger? inner, string name, TextWriter log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var lexicon = CueLexicon.Build(train);
        var extractor = new FeatureExtractor(lexicon);

        // Hash every token's features once; count them to build the index.
        var hashes = new ulong[train.Count][];
        var offsets = new int[train.Count][];
        var counts = new Dictionary<ulong, int>();
        var buffer = new List<ulong>(4096);
        for (int s = 0; s < train.Count; s++)
        {
            buffer.Clear();
            offsets[s] = new int[train[s].Tokens.Length + 1];
            extractor.Extract(train[s].Tokens, train[s].Pos, buffer, offsets[s], firstPass?[s], train[s].Heads, train[s].Rels, WordClassFeatures ? train[s].Classes : null);
            hashes[s] = [.. buffer];
            foreach (var h in buffer)
            {
                counts[h] = counts.GetValueOrDefault(h) + 1;
            }
        }

        var index = new Dictionary<ulong, int>();
        foreach (var (h, c) in counts)
        {
            if (c >= MinFeatureCount)
            {
                index[h] = index.Count;
            }
        }

        counts.Clear();
        var ids = new int[train.Count][];
        for (int s = 0; s < train.Count; s++)
        {
            ids[s] = new int[hashes[s].Length];
            for (int k = 0; k < ids[s].Length; k++)
            {
                ids[s][k] = index.TryGetValue(hashes[s][k], out var id) ? id : -1;
            }

            hashes[s] = [];
        }

        log.WriteLine(FormattableString.Invariant($"attribution: {train.Count} train sentences, {lexicon.Ratios.Count} cue words, {index.Count} features (min count {MinFeatureCount}), epochs {Epochs}, seed {Seed}"));

        var folded = new Dictionary<uint, int>(index.Count);
        foreach (var (h, id) in index)
        {
            folded.TryAdd(AttributionTagger.Fold(h), id);
        }

        int nw = index.Count * L;
        int nt = (L + 1) * L;
        var w = new float[nw];
        var u = new double[nw];
        var t = new float[nt];
        var ut = new double[nt];
        var order = Enumerable.Range(0, train.Count).ToArray();
        var rng = new Random(Seed);
        int step = 1;
        AttributionTagger? best = null;
        double bestScore = double.NegativeInfinity;
        for (int epoch = 1; epoch <= Epochs; epoch++)
        {
            rng.Shuffle(order);
            int errors = 0;
            foreach (var s in order)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var gold = train[s].Labels;
                int n = gold.Length;
                if (n == 0)
                {
                    continue;
                }

                var pred = AttributionTagger.Decode(ids[s], offsets[s], n, w, t, Margin > 0 ? gold : null, Margin);
                for (int i = 0; i < n; i++)
                {
                    int prevG = i == 0 ? 0 : gold[i - 1] + 1;
                    int prevP = i == 0 ? 0 : pred[i - 1] + 1;
                    if (gold[i] == pred[i] && prevG == prevP)
                    {
                        continue;
                    }

                    errors++;
                    Update(t, ut, (prevG * L) + gold[i], 1, step);
                    Update(t, ut, (prevP * L) + pred[i], -1, step);
                    if (gold[i] != pred[i])
                    {
                        for (int k = offsets[s][i]; k < offsets[s][i + 1]; k++)
                        {
                            int id = ids[s][k];
                            if (id >= 0)
                            {
                                Update(w, u, (id * L) + gold[i], 1, step);
                                Update(w, u, (id * L) + pred[i], -1, step);
                            }
                        }
                    }
                }

                step++;
            }

            var avgW = Average(w, u, step);
            var avgT = Average(t, ut, step);
            var tagger = new AttributionTagger(lexicon, folded, avgW, avgT, name + "-" + epoch.ToString(CultureInfo.InvariantCulture), inner) { UsesWordClasses = WordClassFeatures };
            string devText = "";
            double score = epoch;
            if (dev is { Count: > 0 })
            {
                var scores = Evaluate(tagger, dev);
                score = scores.MeanExactF1;
                devText = " dev " + scores.Summary();
            }

            log.WriteLine(FormattableString.Invariant($"epoch {epoch}: {errors} token errors, {clock.Elapsed.TotalSeconds:F0}s{devText}"));
            if (score > bestScore)
            {
                bestScore = score;
                best = tagger;
            }
        }

        log.WriteLine(FormattableString.Invariant($"kept {best!.Version}; training took {clock.Elapsed.TotalSeconds:F0}s"));
        return best;
    }

    public static SpanScores Evaluate(AttributionTagger tagger, IReadOnlyList<LabeledSentence> data)
    {
        var scores = new SpanScores();
        foreach (var s in data)
        {
            scores.Add(s.Labels, tagger.Predict(s.Tokens, s.Pos, s.Heads, s.Rels, classes: s.Classes));
        }

        return scores;
    }

    private static void Update(float[] w, double[] u, int k, float delta, int c)
    {
        w[k] += delta;
        u[k] += (double)c * delta;
    }

    private static float[] Average(float[] w, double[] u, int c)
    {
        var a = new float[w.Length];
        for (int k = 0; k < w.Length; k++)
        {
            a[k] = (float)(w[k] - (u[k] / c));
        }

        return a;
    }
}
