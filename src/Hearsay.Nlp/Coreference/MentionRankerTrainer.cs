using System.Globalization;
using System.Runtime.InteropServices;
using Hearsay.Core.Documents;
using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Coreference;

/// <summary>
/// Trains a <see cref="MentionRanker"/> on documents with gold coreference whose tags, parse and names are already
/// predicted (so the features look as they will at run time). A mention's gold antecedents are the earlier candidates
/// whose reported span is a gold mention of the same entity; a mention with none, or not a gold mention at all, should
/// pick "new". Latent-antecedent averaged perceptron: on a mistake, the best-scoring gold option gains, the guess loses.
/// </summary>
public static class MentionRankerTrainer
{
    public static MentionRanker Train(IReadOnlyList<CorefDocument> documents, CoreferenceOptions options, int epochs, int seed, string version, bool sieveFeatures, TextWriter log, Func<MentionRanker, string>? evaluate = null, RankerVariants variants = RankerVariants.None, CancellationToken cancellationToken = default)
        => Train(documents, options, epochs, [seed], version, sieveFeatures, log, evaluate, variants, cancellationToken);

    /// <summary>
    /// One perceptron per seed (document order shuffled with that seed), the final model their mean: the ranker's dev
    /// score varies by about a point with the seed alone, and the mean does not rest on one seed picked on dev.
    /// </summary>
    /// <param name="variants">Optional features and mention rules (<see cref="RankerVariants"/>; none in the shipped model).</param>
    public static MentionRanker Train(IReadOnlyList<CorefDocument> documents, CoreferenceOptions options, int epochs, IReadOnlyList<int> seeds, string version, bool sieveFeatures, TextWriter log, Func<MentionRanker, string>? evaluate = null, RankerVariants variants = RankerVariants.None, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count == 0)
        {
            throw new ArgumentException("At least one seed is needed.", nameof(seeds));
        }

        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        options = options with { Premodifiers = variants.HasFlag(RankerVariants.Premodifiers) };
        MentionExtent? extent = null;
        if (options.FullPhrases && Environment.GetEnvironmentVariable("HEARSAY_COREF_RULE_EXTENT") is null)
        {
            // The boundaries first: the ranker learns on the phrases the boundary model will report.
            var ruled = new CoreferenceResolver(options.WithExtent(null));
            var data = documents.Select(d => (d, ruled.Sieve(d.Document, null, cancellationToken).Mentions)).ToList();
            extent = MentionExtent.Train(data, ExtentEpochs, seeds[0], log);
            options = options.WithExtent(extent);
        }

        var resolver = new CoreferenceResolver(options);
        var prepared = new List<(RankingView View, int[] Gold)>(documents.Count);
        int mentions = 0, matched = 0;
        foreach (var d in documents)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var speakers = d.Speakers();
            var (list, sieve) = resolver.Sieve(d.Document, speakers, cancellationToken);
            var gold = GoldEntities(d, list, options.FullPhrases);
            prepared.Add((new RankingView(d.Document, list, sieve, sieveFeatures, speakers, variants), gold));
            mentions += list.Count;
            foreach (int g in gold)
            {
                matched += g >= 0 ? 1 : 0;
            }
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"coref: {documents.Count} documents, {mentions} mentions, {matched} on a gold span; epochs {epochs}, seeds {string.Join(',', seeds)}, sieve features {sieveFeatures}"));
        var models = new List<SparseLinearModel>(seeds.Count);
        foreach (int seed in seeds)
        {
            models.Add(TrainOne(prepared, epochs, seed, version, sieveFeatures, extent, variants, log, evaluate, cancellationToken));
        }

        var mean = new MentionRanker(models.Count == 1 ? models[0] : SparseLinearModel.Mean(models), version, sieveFeatures, extent) { Variants = variants };
        if (models.Count > 1 && evaluate is not null)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"coref: mean of {models.Count} seeds; dev {evaluate(mean)}"));
        }

        return mean;
    }

    private const int ExtentEpochs = 5;

    private static SparseLinearModel TrainOne(List<(RankingView View, int[] Gold)> prepared, int epochs, int seed, string version, bool sieveFeatures, MentionExtent? extent, RankerVariants variants, TextWriter log, Func<MentionRanker, string>? evaluate, CancellationToken cancellationToken)
    {
        var perceptron = new AveragedPerceptron(2);
        var rng = new Random(seed);
        var order = new int[prepared.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        var features = new List<ulong>(64);
        var goldFeatures = new List<ulong>(64);
        var guessFeatures = new List<ulong>(64);
        Span<float> score = stackalloc float[2];
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            rng.Shuffle(order);
            int errors = 0, decisions = 0;
            foreach (int di in order)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var (view, gold) = prepared[di];
                view.ResetClusters();
                for (int i = 0; i < view.Count; i++)
                {
                    if (!view.Ranked(i))
                    {
                        continue;
                    }

                    float best = float.NegativeInfinity, bestGold = float.NegativeInfinity;
                    int guess = -1, truth = -1, count = 0;
                    bool exactBefore = false, headBefore = false, anaphoric = false;
                    goldFeatures.Clear();
                    guessFeatures.Clear();
                    for (int j = i - 1; j >= 0 && count < MentionRanker.CandidateLimit; j--)
                    {
                        if (!view.Candidate(i, j))
                        {
                            continue;
                        }

                        count++;
                        features.Clear();
                        view.Pair(i, j, count, features, ref exactBefore, ref headBefore);
                        perceptron.Score(CollectionsMarshal.AsSpan(features), score);
                        float sc = score[1] - score[0];
                        bool correct = gold[i] >= 0 && gold[j] == gold[i];
                        if (sc > best)
                        {
                            best = sc;
                            guess = j;
                            guessFeatures.Clear();
                            guessFeatures.AddRange(features);
                        }

                        if (correct)
                        {
                            anaphoric = true;
                            if (sc > bestGold)
                            {
                                bestGold = sc;
                                truth = j;
                                goldFeatures.Clear();
                                goldFeatures.AddRange(features);
                            }
                        }
                    }

                    features.Clear();
                    view.New(i, exactBefore, headBefore, features);
                    perceptron.Score(CollectionsMarshal.AsSpan(features), score);
                    if (guess < 0 || score[1] - score[0] >= best)
                    {
                        guess = -1;
                        guessFeatures.Clear();
                        guessFeatures.AddRange(features);
                    }

                    if (!anaphoric)
                    {
                        truth = -1;
                        goldFeatures.Clear();
                        goldFeatures.AddRange(features);
                    }

                    if (guess >= 0)
                    {
                        view.Link(i, guess);
                    }

                    decisions++;
                    perceptron.Tick();
                    if (guess != truth)
                    {
                        errors++;
                        // Ranking with a two-class perceptron: an option's score is class 1 minus class 0.
                        float step = truth < 0 ? FalseAnaphor : guess < 0 ? FalseNew : 1f;
                        perceptron.Update(CollectionsMarshal.AsSpan(goldFeatures), 1, 0, step);
                        perceptron.Update(CollectionsMarshal.AsSpan(guessFeatures), 0, 1, step);
                    }
                }
            }

            string dev = evaluate is null ? "" : "; dev " + evaluate(new MentionRanker(perceptron.Average(), version, sieveFeatures, extent) { Variants = variants });
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"coref: seed {seed} epoch {epoch}: {errors}/{decisions} decisions wrong ({errors / Math.Max(1.0, decisions):P1}){dev}"));
        }

        return perceptron.Average();
    }

    /// <summary>
    /// Update sizes by error kind (after Durrett and Klein's costs): a missed link costs more than a spurious one, since
    /// mentions with a wrong boundary are labelled "new" and would otherwise teach the ranker to link too little.
    /// GUM dev: 1/1 gave 0.496, 2/0.5 0.529, 3/1 0.520, 1/0.3 0.529, 2/0.3 0.520.
    /// </summary>
    private const float FalseAnaphor = 0.5f;

    private const float FalseNew = 2f;

    /// <summary>Gold entity index of every mention whose reported span is a gold mention, else -1.</summary>
    internal static int[] GoldEntities(CorefDocument document, List<CorefMention> mentions, bool fullPhrases)
    {
        var entityOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var bySpan = new Dictionary<(int, int), int>();
        foreach (var g in document.Mentions)
        {
            if (!entityOf.TryGetValue(g.EntityId, out int e))
            {
                e = entityOf.Count;
                entityOf[g.EntityId] = e;
            }

            bySpan.TryAdd((g.Tokens.Start, g.Tokens.End), e);
        }

        var gold = new int[mentions.Count];
        for (int i = 0; i < mentions.Count; i++)
        {
            // The reported phrase first; else the base phrase, so a boundary the parse gets wrong does not teach "new".
            var r = fullPhrases ? mentions[i].Phrase : mentions[i].Tokens;
            var b = mentions[i].Tokens;
            gold[i] = bySpan.TryGetValue((r.Start, r.End), out int e) ? e : bySpan.TryGetValue((b.Start, b.End), out int e2) ? e2 : -1;
        }

        return gold;
    }
}
