using System.Diagnostics;
using System.Globalization;
using Hearsay.Core.Documents;
using Hearsay.Core.Learning;

namespace Hearsay.Nlp.Entities;

/// <summary>
/// Averaged structured perceptron (Collins 2002) over BILOU tags with Viterbi decoding. Sentences are
/// shuffled with a fixed seed each epoch; with dev data the epoch whose averaged weights score best on dev is kept.
/// </summary>
public sealed class NerTrainer
{
    private readonly NerTrainerOptions _options;
    private readonly TextWriter _log;
    private Func<IReadOnlyList<string>, string[]>? _posTagger;

    public NerTrainer(NerTrainerOptions options, TextWriter log)
    {
        _options = options;
        _log = log;
    }

    public NerModel Train(IReadOnlyList<LabeledSentence> train, IReadOnlyList<LabeledSentence>? dev, IReadOnlyList<LabeledSentence>? gazetteerOnly = null, WordClusters? clusters = null, IReadOnlyList<int>? repeats = null, Func<IReadOnlyList<string>, string[]>? posTagger = null, WordEmbeddings? embeddings = null, CancellationToken cancellationToken = default)
    {
        gazetteerOnly ??= [];
        _posTagger = posTagger;
        if (posTagger is not null)
        {
            // Predicted tags, not gold, so that training sees the tagger's errors as test input will.
            var posClock = Stopwatch.StartNew();
            foreach (var s in dev is null ? train : train.Concat(dev))
            {
                s.Pos ??= posTagger(s.Words);
            }

            _log.WriteLine($"ner: POS-tagged {train.Count + (dev?.Count ?? 0)} sentences in {posClock.Elapsed.TotalSeconds:F1}s");
        }

        WindowScorer? scorer = null;
        if (embeddings is not null && _options.NetworkEpochs > 0)
        {
            float scale = _options.NetworkScale ?? ChooseScale(train, gazetteerOnly, clusters, repeats, embeddings, cancellationToken);
            scorer = TrainNetwork("ner network", train.Take(_options.NetworkSentences ?? train.Count).ToArray(), embeddings, new BilouTags(_options.Labels), cancellationToken).WithScale(scale);
        }

        var clock = Stopwatch.StartNew();
        var first = TrainPass("ner", train, dev, gazetteerOnly, clusters, repeats, _options.Epochs, null, null, cancellationToken, out int firstEpoch, scorer);
        if (!_options.Stacked)
        {
            return first;
        }

        // The second pass must learn from first-pass tags as wrong as they will be on unseen text, so each block of
        // training sentences is tagged by a first pass trained without it (same epochs as the kept first pass).
        int folds = _options.GazetteerFolds;
        var stack = new StackInput(train.Count);
        for (int k = 0; k < folds; k++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int kk = k;
            var rest = Enumerable.Range(0, train.Count).Where(s => FoldOf(s, train.Count, folds) != kk).ToArray();
            var restRepeats = repeats is null ? null : Array.ConvertAll(rest, s => repeats[s]);
            var partial = TrainPass($"ner jackknife {k + 1}/{folds}", Array.ConvertAll(rest, s => train[s]), null, gazetteerOnly, clusters, restRepeats, firstEpoch, null, null, cancellationToken, out _);
            int lo = Enumerable.Range(0, train.Count).First(s => FoldOf(s, train.Count, folds) == kk);
            int hi = Enumerable.Range(0, train.Count).Last(s => FoldOf(s, train.Count, folds) == kk) + 1;
            for (int start = lo; start < hi;)
            {
                int end = start + 1;
                while (end < hi && train[end].Document == train[start].Document)
                {
                    end++;
                }

                stack.Fill(partial, train, start, end);
                start = end;
            }
        }

        _log.WriteLine($"ner: jackknifed first-pass tags for {train.Count} sentences [{clock.Elapsed.TotalSeconds:F0}s]");
        return TrainPass("ner second pass", train, dev, gazetteerOnly, clusters, repeats, _options.Epochs, stack, first, cancellationToken, out _);
    }

    /// <summary>
    /// The weight of the window scorer against the perceptron: both are trained without the first block of the
    /// training sentences, and the weight that scores best on that block (with the document pass) is kept. Dev is
    /// never used for it.
    /// </summary>
    private float ChooseScale(IReadOnlyList<LabeledSentence> train, IReadOnlyList<LabeledSentence> gazetteerOnly, WordClusters? clusters, IReadOnlyList<int>? repeats, WordEmbeddings embeddings, CancellationToken cancellationToken)
    {
        int held = (int)(train.Count * _options.NetworkHoldout);
        while (held < train.Count && held > 0 && train[held].Document == train[held - 1].Document)
        {
            held++; // whole documents, so that the document pass sees what it will see
        }

        var heldOut = train.Take(held).ToArray();
        var rest = train.Skip(held).ToArray();
        var restRepeats = repeats?.Skip(held).ToArray();
        var perceptron = TrainPass("ner held-out", rest, null, gazetteerOnly, clusters, restRepeats, _options.Epochs, null, null, cancellationToken, out _);
        var network = TrainNetwork("ner held-out network", train.Take(_options.NetworkSentences ?? train.Count).Skip(held).ToArray(), embeddings, perceptron.Tags, cancellationToken);
        float[] grid = [0, 0.5f, 1, 1.5f, 2, 3, 4, 6, 8, 12, 16, 24, 32, 1000];
        float best = 0;
        double bestF1 = -1;
        foreach (float scale in grid)
        {
            var score = Evaluate(perceptron.WithScorer(scale == 0 ? null : network.WithScale(scale)), heldOut, _options.Labels, _options.Consistency);
            _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ner held-out: scale {scale} P={score.Micro.Precision:F4} R={score.Micro.Recall:F4} F1={score.Micro.F1:F4} ({held} sentences)"));
            if (score.Micro.F1 > bestF1)
            {
                bestF1 = score.Micro.F1;
                best = scale;
            }
        }

        _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ner held-out: network scale {best} (F1 {bestF1:F4})"));
        return best;
    }

    private NerModel TrainPass(string name, IReadOnlyList<LabeledSentence> train, IReadOnlyList<LabeledSentence>? dev, IReadOnlyList<LabeledSentence> gazetteerOnly, WordClusters? clusters, IReadOnlyList<int>? repeats, int epochs, StackInput? stack, NerModel? first, CancellationToken cancellationToken, out int bestEpoch, WindowScorer? scorer = null)
    {
        var clock = Stopwatch.StartNew();
        var labels = _options.Labels.ToArray();
        int bits = _options.BucketBits;
        int t = 1 + (4 * labels.Length);
        int stride = NerModel.StrideFor(t);
        var w = new float[(1 << bits) * stride];
        var u = new float[w.Length];
        var trans = new float[(t + 2) * t];
        var transU = new float[trans.Length];
        bool stacked = stack is not null;
        var gazetteer = _options.Gazetteer ? Gazetteer.Build(train.Concat(gazetteerOnly), labels) : null;
        bool usesPos = _posTagger is not null;
        var model = new NerModel(labels, bits, w, trans, gazetteer, clusters, _options.Version, stacked, usesPos);
        var tags = model.Tags;
        int F = model.Extractor.Count;
        int folds = _options.GazetteerFolds;

        // Each training sentence sees a gazetteer built without its own block of sentences (whole documents,
        // mostly), as unseen text will: otherwise every training name matches and the model trusts the list blindly.
        var foldExtractors = new NerFeatureExtractor[folds];
        for (int k = 0; k < folds && gazetteer is not null; k++)
        {
            int kk = k;
            var others = train.Where((_, s) => FoldOf(s, train.Count, folds) != kk).Concat(gazetteerOnly);
            foldExtractors[k] = new NerFeatureExtractor(bits, Gazetteer.Build(others, labels), clusters, stacked, usesPos);
        }

        if (gazetteer is not null && first is null)
        {
            _log.WriteLine($"{name}: gazetteer {gazetteer.Entries.Count} names ({train.Count} training + {gazetteerOnly.Count} gazetteer-only sentences), {folds} folds");
        }

        // Lower-cased copies of some sentences teach names without capitals ("tampa bay", "mexico"), common in web text.
        // A copy keeps its original's gazetteer fold, so it cannot see its own names.
        var rng = new Random(_options.Seed);
        var examples = new List<(LabeledSentence Sentence, int Fold, bool Lower, int Index)>(train.Count);
        for (int s = 0; s < train.Count; s++)
        {
            int fold = FoldOf(s, train.Count, folds);
            int times = repeats is null ? 1 : repeats[s];
            for (int r = 0; r < times; r++)
            {
                examples.Add((train[s], fold, false, s));
            }

            if (_options.LowercaseCopies > 0 && rng.NextDouble() < _options.LowercaseCopies)
            {
                examples.Add((train[s], fold, true, s));
            }
        }

        var feats = new int[examples.Count][];
        var gold = new int[examples.Count][];
        for (int s = 0; s < examples.Count; s++)
        {
            var (sentence, fold, lower, index) = examples[s];
            var words = lower ? Array.ConvertAll(sentence.Words, x => x.ToLowerInvariant()) : sentence.Words;
            // A lower-cased copy is tagged as lower case: the tagger reads "tampa" differently from "Tampa".
            var pos = _posTagger is null ? null : lower ? _posTagger(words) : sentence.Pos;
            var (text, toks) = Join(words, pos);
            feats[s] = new int[toks.Length * F];
            var (firstTags, votes) = stack is null ? (null, null) : stack.Get(index, lower);
            (gazetteer is null ? model.Extractor : foldExtractors[fold]).Extract(text, toks, feats[s], firstTags, votes);
            gold[s] = tags.Encode(toks.Length, sentence.Spans);
        }

        _log.WriteLine($"{name}: {examples.Count} training sentences ({examples.Count(e => e.Lower)} lower-cased copies, {examples.Count - train.Count - examples.Count(e => e.Lower)} repeats) featurised in {clock.Elapsed.TotalSeconds:F1}s");
        var order = Enumerable.Range(0, examples.Count).ToArray();
        float c = 1;
        double bestF1 = -1;
        NerModel? best = null;
        bestEpoch = 0;
        var pred = new int[256];
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rng.Shuffle(order);
            int errors = 0, tokens = 0;
            foreach (int s in order)
            {
                int n = gold[s].Length;
                if (n == 0)
                {
                    continue;
                }

                if (pred.Length < n)
                {
                    pred = new int[n * 2];
                }

                model.Decode(feats[s], n, w, trans, pred);
                var g = gold[s];
                tokens += n;
                for (int i = 0; i < n; i++)
                {
                    if (g[i] == pred[i])
                    {
                        continue;
                    }

                    errors++;
                    var f = feats[s].AsSpan(i * F, F);
                    foreach (int b in f)
                    {
                        int gi = (b * stride) + g[i], pi = (b * stride) + pred[i];
                        w[gi] += 1;
                        u[gi] += c;
                        w[pi] -= 1;
                        u[pi] -= c;
                    }
                }

                for (int i = 0; i <= n; i++)
                {
                    int gi = TransitionIndex(g, i, n, t), pi = TransitionIndex(pred, i, n, t);
                    if (gi != pi)
                    {
                        trans[gi] += 1;
                        transU[gi] += c;
                        trans[pi] -= 1;
                        transU[pi] -= c;
                    }
                }

                c++;
            }

            var averaged = Average(w, u, trans, transU, c, labels, bits, gazetteer, clusters, _options.Version, stacked, usesPos);
            if (scorer is not null)
            {
                averaged = averaged.WithScorer(scorer);
            }
            if (first is not null)
            {
                averaged = first.WithSecond(averaged);
            }

            string devText = "";
            if (dev is not null)
            {
                var score = Evaluate(averaged, dev, labels, _options.Consistency);
                devText = string.Create(CultureInfo.InvariantCulture, $" dev P={score.Micro.Precision:F4} R={score.Micro.Recall:F4} F1={score.Micro.F1:F4}");
                if (score.Micro.F1 > bestF1)
                {
                    bestF1 = score.Micro.F1;
                    best = averaged;
                    bestEpoch = epoch;
                }
            }
            else
            {
                best = averaged;
                bestEpoch = epoch;
            }

            _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: epoch {epoch} token errors {errors}/{tokens} ({(double)errors / Math.Max(1, tokens):P2}){devText} [{clock.Elapsed.TotalSeconds:F0}s]"));
            if (clock.Elapsed > _options.TimeLimit)
            {
                _log.WriteLine($"{name}: time limit reached, stopping.");
                break;
            }
        }

        _log.WriteLine($"{name}: kept epoch {bestEpoch}; trained in {clock.Elapsed.TotalSeconds:F0}s");
        return best!;
    }

    public static NerScore Evaluate(NerModel model, IReadOnlyList<LabeledSentence> data, IReadOnlyList<EntityLabel>? scored = null, bool consistency = true)
    {
        var score = new NerScore();
        var set = scored is null ? null : new HashSet<EntityLabel>(scored);
        var predicted = model.PredictSentences(data, consistency);
        for (int i = 0; i < data.Count; i++)
        {
            score.Add(data[i].Spans, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(predicted[i]), set);
        }

        return score;
    }

    /// <summary>Builds a text and tokens for pre-tokenized words (one space between words).</summary>
    public static (string Text, Token[] Tokens) Join(IReadOnlyList<string> words, IReadOnlyList<string?>? pos = null) => PretokenizedText.Join(words, pos);

    /// <summary>
    /// The window scorer over the BILOU tags of <paramref name="train"/>: sentences as the scorer will see them, a
    /// seeded share also lower-cased, as for the perceptron.
    /// </summary>
    private WindowScorer TrainNetwork(string name, IReadOnlyList<LabeledSentence> train, WordEmbeddings embeddings, BilouTags tags, CancellationToken cancellationToken)
    {
        var rng = new Random(_options.Seed);
        var sentences = new List<(string[] Words, int[] Gold)>(train.Count);
        foreach (var sentence in train)
        {
            var gold = tags.Encode(sentence.Words.Length, sentence.Spans);
            sentences.Add((sentence.Words, gold));
            if (_options.LowercaseCopies > 0 && rng.NextDouble() < _options.LowercaseCopies)
            {
                sentences.Add((Array.ConvertAll(sentence.Words, w => w.ToLowerInvariant()), gold));
            }
        }

        return new WindowScorerTrainer(_options.NetworkSettings, _log).Train(name, sentences, embeddings, tags.Count, rng, cancellationToken);
    }

    private static int FoldOf(int sentence, int count, int folds) => (int)((long)sentence * folds / count);

    private static int TransitionIndex(int[] tags, int i, int n, int t) =>
        i == 0 ? (t * t) + tags[0]
        : i == n ? (t * t) + t + tags[n - 1]
        : (tags[i - 1] * t) + tags[i];

    private static NerModel Average(float[] w, float[] u, float[] trans, float[] transU, float c, EntityLabel[] labels, int bits, Gazetteer? gazetteer, WordClusters? clusters, string version, bool stacked, bool usesPos)
    {
        var aw = new float[w.Length];
        for (int i = 0; i < w.Length; i++)
        {
            aw[i] = w[i] - (u[i] / c);
        }

        var at = new float[trans.Length];
        for (int i = 0; i < trans.Length; i++)
        {
            at[i] = trans[i] - (transU[i] / c);
        }

        return new NerModel(labels, bits, aw, at, gazetteer, clusters, version, stacked, usesPos);
    }
}
