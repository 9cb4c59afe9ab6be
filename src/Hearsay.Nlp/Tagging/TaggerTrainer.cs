using System.Diagnostics;
using System.Globalization;
using Hearsay.Core.Learning;
using Hearsay.Nlp.Conllu;
using Hearsay.Nlp.Entities;
using Hearsay.Nlp.Learning;
using Hearsay.Nlp.Lemmatization;

namespace Hearsay.Nlp.Tagging;

/// <summary>Trains a <see cref="TaggerModel"/> from CoNLL-U sentences: seeded shuffling, fixed epochs, logged progress.</summary>
public static class TaggerTrainer
{
    /// <summary>
    /// Trains the tagger; with <paramref name="twoPass"/> also a second pass that sees the first pass's tags of the
    /// following words, learnt from first-pass tags obtained by 4-fold jackknifing (so they are as noisy as at test time).
    /// </summary>
    public static TaggerModel Train(IReadOnlyList<ConlluSentence> train, int epochs, int seed, string version, TextWriter log, bool twoPass, WordClasses? wordClasses = null)
    {
        var first = Train(train, null, epochs, seed, version, log, wordClasses);
        if (!twoPass)
        {
            return first;
        }

        const int folds = 4;
        var firstPass = new int[train.Count][];
        for (int fold = 0; fold < folds; fold++)
        {
            var rest = new List<ConlluSentence>();
            for (int i = 0; i < train.Count; i++)
            {
                if (i % folds != fold)
                {
                    rest.Add(train[i]);
                }
            }

            var foldTagger = new PosTagger(Train(rest, null, epochs, seed + fold + 1, "fold", TextWriter.Null, wordClasses));
            for (int i = fold; i < train.Count; i += folds)
            {
                var words = train[i].Words.Select(w => foldTagger.Model.Hashes(w.Form)).ToArray();
                var classes = new int[words.Length];
                foldTagger.TagSentence(words, classes);

                // Fold models number their classes in their own order; map through the tag names.
                for (int k = 0; k < classes.Length; k++)
                {
                    classes[k] = ClassOf(first, foldTagger.Model.Upos[classes[k]], foldTagger.Model.Xpos[classes[k]]);
                }

                firstPass[i] = classes;
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tagger: second pass: fold {fold + 1}/{folds} tagged"));
        }

        var second = new AveragedPerceptron(first.ClassCount, 1 << 16);
        var allWords = train.Select(s => s.Words.Select(w => first.Hashes(w.Form)).ToArray()).ToArray();
        var gold = train.Select(s => s.Words.Select(w => ClassOf(first, w.Upos, w.Xpos)).ToArray()).ToArray();
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(seed + 100);
        Span<ulong> features = stackalloc ulong[TaggerFeatures.SecondPassCount];
        var scores = new float[first.ClassCount];
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            long correct = 0, total = 0;
            foreach (int si in order)
            {
                var ws = allWords[si];
                int p1 = -1, p2 = -2;
                for (int i = 0; i < ws.Length; i++)
                {
                    TaggerFeatures.ExtractSecondPass(ws, i, p1, p2, firstPass[si], features);
                    second.Score(features, scores);
                    int guess = SparseLinearModel.ArgMax(scores);
                    second.Tick();
                    second.Update(features, gold[si][i], guess);
                    correct += guess == gold[si][i] ? 1 : 0;
                    total++;
                    p2 = p1;
                    p1 = guess;
                }
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tagger: second pass epoch {epoch} train accuracy {(double)correct / total:0.0000}"));
        }

        var secondModel = second.Average(0.0005f);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tagger: second pass {secondModel.FeatureCount} features, {secondModel.WeightCount} weights"));
        return new TaggerModel(first.Version, first.Upos, first.Xpos, first.Model, first.UnambiguousTable, first.AmbiguityTable, first.FormAmbiguityTable, first.DominantTable, first.Lemmatizer) { SecondPass = secondModel, WordClasses = wordClasses };
    }

    /// <summary>
    /// Trains the tagger exactly as without the option, plus the NER stage's window scorer over MiniLM vectors with the
    /// tagger's classes. The weight of the scorer's log-probabilities is chosen on held-out training sentences (the
    /// first <paramref name="holdout"/> share; perceptron and scorer trained on the rest), never on dev; then both are
    /// retrained on everything.
    /// </summary>
    public static TaggerModel TrainWithNetwork(IReadOnlyList<ConlluSentence> train, int epochs, int seed, string version, TextWriter log, WordClasses? wordClasses, WordEmbeddings embeddings, int networkEpochs, CancellationToken cancellationToken, double holdout = 0.1)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(log);
        int held = (int)(train.Count * holdout);
        var heldOut = train.Take(held).ToArray();
        var rest = train.Skip(held).ToArray();
        var perceptron = Train(rest, null, epochs, seed, "held-out", log, wordClasses);
        var network = TrainNetwork("tagger held-out network", rest, perceptron, embeddings, networkEpochs, seed, log, cancellationToken).WithScale(1);
        var tagger = new PosTagger(perceptron);
        var logProbs = heldOut.Select(sentence =>
        {
            var (text, tokens) = NerTrainer.Join(sentence.Words.Select(w => w.Form).ToArray());
            var scores = new float[tokens.Length * perceptron.ClassCount];
            network.Score(text, tokens, scores);
            return scores;
        }).ToArray();
        float best = ChooseScale("tagger held-out", tagger, heldOut, logProbs, log);
        var full = Train(train, null, epochs, seed, version, log, wordClasses);
        var fullNetwork = TrainNetwork("tagger network", train, full, embeddings, networkEpochs, seed, log, cancellationToken).WithScale(best);
        return new TaggerModel(full.Version, full.Upos, full.Xpos, full.Model, full.UnambiguousTable, full.AmbiguityTable, full.FormAmbiguityTable, full.DominantTable, full.Lemmatizer) { WordClasses = wordClasses, Network = fullNetwork };
    }

    /// <summary>Weights tried for a scorer's log-probabilities added to the perceptron's scores (1000: the scorer decides).</summary>
    internal static readonly float[] ScaleGrid = [0, 0.5f, 1, 1.5f, 2, 3, 4, 6, 8, 12, 16, 24, 32, 1000];

    /// <summary>
    /// The weight of <see cref="ScaleGrid"/> whose scaled log-probabilities (<paramref name="logProbs"/>, one array per
    /// sentence, words x classes), added to <paramref name="tagger"/>'s scores, tag the held-out sentences with the best
    /// UPOS accuracy (the first of equals); every weight is logged. Shared by the window and the contextual scorer.
    /// </summary>
    internal static float ChooseScale(string name, PosTagger tagger, IReadOnlyList<ConlluSentence> heldOut, IReadOnlyList<float[]> logProbs, TextWriter log)
    {
        var model = tagger.Model;
        float best = 0;
        double bestAccuracy = -1;
        foreach (float scale in ScaleGrid)
        {
            long correct = 0, correctBoth = 0, total = 0;
            for (int si = 0; si < heldOut.Count; si++)
            {
                var words = heldOut[si].Words;
                var hashes = words.Select(w => model.Hashes(w.Form)).ToArray();
                var classes = new int[words.Count];
                tagger.TagSentence(hashes, classes, Array.ConvertAll(logProbs[si], x => x * scale));
                for (int i = 0; i < words.Count; i++)
                {
                    bool upos = model.Upos[classes[i]] == words[i].Upos;
                    correct += upos ? 1 : 0;
                    correctBoth += upos && model.Xpos[classes[i]] == words[i].Xpos ? 1 : 0;
                    total++;
                }
            }

            double accuracy = (double)correct / Math.Max(1, total);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: scale {scale} upos {accuracy:F4} upos+xpos {(double)correctBoth / Math.Max(1, total):F4} ({heldOut.Count} sentences, {total} words)"));
            if (accuracy > bestAccuracy)
            {
                bestAccuracy = accuracy;
                best = scale;
            }
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: scale {best} (upos {bestAccuracy:F4})"));
        return best;
    }

    /// <summary>The window scorer over <paramref name="model"/>'s classes, with the NER scorer's hyper-parameters (48-d projection, 128 hidden, dropout 0.2).</summary>
    private static WindowScorer TrainNetwork(string name, IReadOnlyList<ConlluSentence> train, TaggerModel model, WordEmbeddings embeddings, int epochs, int seed, TextWriter log, CancellationToken cancellationToken)
    {
        var index = new Dictionary<(string, string), int>();
        for (int c = 0; c < model.ClassCount; c++)
        {
            index[(model.Upos[c], model.Xpos[c])] = c;
        }

        var sentences = train.Select(s => (s.Words.Select(w => w.Form).ToArray(), s.Words.Select(w => index.GetValueOrDefault((w.Upos, w.Xpos))).ToArray())).ToArray();
        return new WindowScorerTrainer(new WindowScorerSettings { Epochs = epochs }, log).Train(name, sentences, embeddings, model.ClassCount, new Random(seed), cancellationToken);
    }

    private static int ClassOf(TaggerModel model, string upos, string xpos)
    {
        for (int c = 0; c < model.ClassCount; c++)
        {
            if (model.Upos[c] == upos && model.Xpos[c] == xpos)
            {
                return c;
            }
        }

        return 0;
    }

    public static TaggerModel Train(IReadOnlyList<ConlluSentence> train, IReadOnlyList<ConlluSentence>? dev, int epochs, int seed, string version, TextWriter log, WordClasses? wordClasses = null)
    {
        var watch = Stopwatch.StartNew();
        var classIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var upos = new List<string>();
        var xpos = new List<string>();
        var formTags = new Dictionary<ulong, Dictionary<int, int>>();
        var lowerTags = new Dictionary<ulong, Dictionary<int, int>>();
        var formAmbiguity = new Dictionary<ulong, ulong>();
        var dominant = new Dictionary<ulong, int>();
        var gold = new List<int[]>(train.Count);
        int tokens = 0;
        foreach (var s in train)
        {
            var classes = new int[s.Words.Count];
            for (int i = 0; i < s.Words.Count; i++)
            {
                var w = s.Words[i];
                var key = w.Upos + "\t" + w.Xpos;
                if (!classIndex.TryGetValue(key, out int c))
                {
                    c = classIndex[key] = upos.Count;
                    upos.Add(w.Upos);
                    xpos.Add(w.Xpos);
                }

                classes[i] = c;
                var fh = FeatureHash.Of(w.Form);
                if (!formTags.TryGetValue(fh, out var counts))
                {
                    formTags[fh] = counts = [];
                }

                counts[c] = counts.GetValueOrDefault(c) + 1;
                var lh = FeatureHash.OfLower(w.Form);
                if (!lowerTags.TryGetValue(lh, out var lc))
                {
                    lowerTags[lh] = lc = [];
                }

                lc[c] = lc.GetValueOrDefault(c) + 1;
            }

            tokens += s.Words.Count;
            gold.Add(classes);
        }

        var unambiguous = new Dictionary<ulong, int>();
        foreach (var (fh, counts) in formTags)
        {
            int total = counts.Values.Sum();
            var best = counts.MaxBy(kv => kv.Value);
            if (total >= 20 && best.Value >= 0.995 * total)
            {
                unambiguous[fh] = best.Key;
            }
        }

        // Ambiguity classes: the tags a word took at least twice and in at least 1% of its occurrences.
        var ambiguity = new Dictionary<ulong, ulong>();
        foreach (var (lh, counts) in lowerTags)
        {
            int total = counts.Values.Sum();
            if (total < 2)
            {
                continue;
            }

            ulong set = 0x51ED270B2A2D7UL;
            foreach (var c in counts.Where(kv => kv.Value >= 2 && kv.Value >= 0.01 * total).Select(kv => kv.Key).Order())
            {
                set = FeatureHash.Feature(77, set, FeatureHash.Value(c));
            }

            ambiguity[lh] = set;
            dominant[lh] = counts.MaxBy(kv => (kv.Value, -kv.Key)).Key;
        }

        foreach (var (fh, counts) in formTags)
        {
            int total = counts.Values.Sum();
            if (total < 2)
            {
                continue;
            }

            ulong set = 0x7A11C0FFEEUL;
            foreach (var c in counts.Where(kv => kv.Value >= 2 && kv.Value >= 0.01 * total).Select(kv => kv.Key).Order())
            {
                set = FeatureHash.Feature(78, set, FeatureHash.Value(c));
            }

            formAmbiguity[fh] = set;
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tagger: {train.Count} sentences, {tokens} tokens, {upos.Count} UPOS|XPOS classes, {unambiguous.Count} unambiguous frequent words; epochs {epochs}, seed {seed}"));
        var perceptron = new AveragedPerceptron(upos.Count, 1 << 16);
        var lexicon = new TaggerModel(version, [], [], new SparseLinearModel.Builder(1).Build(), [], ambiguity, formAmbiguity, dominant, Lemmatizer.Train([])) { WordClasses = wordClasses };
        var words = train.Select(s => s.Words.Select(w => lexicon.Hashes(w.Form)).ToArray()).ToArray();
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(seed);
        Span<ulong> features = stackalloc ulong[TaggerFeatures.Count];
        var scores = new float[upos.Count];
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            random.Shuffle(order);
            int correct = 0;
            foreach (int si in order)
            {
                var ws = words[si];
                var g = gold[si];
                int p1 = -1, p2 = -2;
                for (int i = 0; i < ws.Length; i++)
                {
                    TaggerFeatures.Extract(ws, i, p1, p2, features);
                    perceptron.Score(features, scores);
                    int guess = SparseLinearModel.ArgMax(scores);
                    perceptron.Tick();
                    perceptron.Update(features, g[i], guess);
                    if (guess == g[i])
                    {
                        correct++;
                    }

                    p2 = p1;
                    p1 = guess;
                }
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tagger: epoch {epoch} train accuracy {(double)correct / tokens:0.0000} ({perceptron.RowCount} feature rows, {watch.Elapsed.TotalSeconds:0}s)"));
        }

        var lemmatizer = Lemmatizer.Train(train.SelectMany(s => s.Words).Select(w => (w.Form, w.Upos, w.Xpos, w.Lemma)));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lemmatizer: {lemmatizer.RuleCount} suffix rules, {lemmatizer.ExceptionCount} exceptions"));
        var model = new TaggerModel(version, [.. upos.Select(string.Intern)], [.. xpos.Select(string.Intern)], perceptron.Average(0.0005f), unambiguous, ambiguity, formAmbiguity, dominant, lemmatizer) { WordClasses = wordClasses };
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tagger: {model.Model.FeatureCount} features, {model.Model.WeightCount} weights after averaging; {watch.Elapsed.TotalSeconds:0}s"));
        return model;
    }
}
