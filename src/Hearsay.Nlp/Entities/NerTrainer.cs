using System.Diagnostics;
using System.Globalization;
using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Entities;

/// <summary>
/// Averaged structured perceptron (Collins 2002) over BILOU tags with Viterbi decoding. Sentences are
/// shuffled with a fixed seed each epoch; with dev data the epoch whose averaged weights score best on dev is kept.
/// </summary>
public sealed class NerTrainer
{
    private readonly NerTrainerOptions _options;
    private readonly TextWriter _log;

    public NerTrainer(NerTrainerOptions options, TextWriter log)
    {
        _options = options;
        _log = log;
    }

    public NerModel Train(IReadOnlyList<LabeledSentence> train, IReadOnlyList<LabeledSentence>? dev, IReadOnlyList<LabeledSentence>? gazetteerOnly = null, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var labels = _options.Labels.ToArray();
        int bits = _options.BucketBits;
        int t = 1 + (4 * labels.Length);
        var w = new float[(1 << bits) * t];
        var u = new float[w.Length];
        var trans = new float[(t + 2) * t];
        var transU = new float[trans.Length];
        gazetteerOnly ??= [];
        var gazetteer = _options.Gazetteer ? Gazetteer.Build(train.Concat(gazetteerOnly), labels) : null;
        var model = new NerModel(labels, bits, w, trans, gazetteer, _options.Version);
        var tags = model.Tags;
        const int F = NerFeatureExtractor.PerToken;
        int folds = _options.GazetteerFolds;

        // Each training sentence sees a gazetteer built without its own block of sentences (whole documents,
        // mostly), as unseen text will: otherwise every training name matches and the model trusts the list blindly.
        var foldExtractors = new NerFeatureExtractor[folds];
        for (int k = 0; k < folds && gazetteer is not null; k++)
        {
            int kk = k;
            var others = train.Where((_, s) => FoldOf(s, train.Count, folds) != kk).Concat(gazetteerOnly);
            foldExtractors[k] = new NerFeatureExtractor(bits, Gazetteer.Build(others, labels));
        }

        if (gazetteer is not null)
        {
            _log.WriteLine($"ner: gazetteer {gazetteer.Entries.Count} names ({train.Count} training + {gazetteerOnly.Count} gazetteer-only sentences), {folds} folds");
        }

        var feats = new int[train.Count][];
        var gold = new int[train.Count][];
        for (int s = 0; s < train.Count; s++)
        {
            var (text, toks) = Join(train[s].Words);
            feats[s] = new int[toks.Length * F];
            (gazetteer is null ? model.Extractor : foldExtractors[FoldOf(s, train.Count, folds)]).Extract(text, toks, feats[s]);
            gold[s] = tags.Encode(toks.Length, train[s].Spans);
        }

        _log.WriteLine($"ner: {train.Count} training sentences featurised in {clock.Elapsed.TotalSeconds:F1}s");
        var order = Enumerable.Range(0, train.Count).ToArray();
        var rng = new Random(_options.Seed);
        float c = 1;
        double bestF1 = -1;
        NerModel? best = null;
        int bestEpoch = 0;
        var pred = new int[256];
        for (int epoch = 1; epoch <= _options.Epochs; epoch++)
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
                        int gi = (b * t) + g[i], pi = (b * t) + pred[i];
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

            var averaged = Average(w, u, trans, transU, c, labels, bits, gazetteer, _options.Version);
            string devText = "";
            if (dev is not null)
            {
                var score = Evaluate(averaged, dev, labels);
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

            _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ner: epoch {epoch} token errors {errors}/{tokens} ({(double)errors / Math.Max(1, tokens):P2}){devText} [{clock.Elapsed.TotalSeconds:F0}s]"));
            if (clock.Elapsed > _options.TimeLimit)
            {
                _log.WriteLine("ner: time limit reached, stopping.");
                break;
            }
        }

        _log.WriteLine($"ner: kept epoch {bestEpoch}; trained in {clock.Elapsed.TotalSeconds:F0}s");
        return best!;
    }

    public static NerScore Evaluate(NerModel model, IReadOnlyList<LabeledSentence> data, IReadOnlyList<EntityLabel>? scored = null)
    {
        var score = new NerScore();
        var set = scored is null ? null : new HashSet<EntityLabel>(scored);
        foreach (var s in data)
        {
            var (text, toks) = Join(s.Words);
            var predicted = model.Predict(text, toks);
            score.Add(s.Spans, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(predicted), set);
        }

        return score;
    }

    /// <summary>Builds a text and tokens for pre-tokenized words (one space between words).</summary>
    public static (string Text, Token[] Tokens) Join(IReadOnlyList<string> words)
    {
        var toks = new Token[words.Count];
        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < words.Count; i++)
        {
            int start = sb.Length;
            sb.Append(words[i]);
            int ws = i + 1 < words.Count ? 1 : 0;
            toks[i] = new Token(new CharRange(start, sb.Length), ws);
            if (ws == 1)
            {
                sb.Append(' ');
            }
        }

        return (sb.ToString(), toks);
    }

    private static int FoldOf(int sentence, int count, int folds) => (int)((long)sentence * folds / count);

    private static int TransitionIndex(int[] tags, int i, int n, int t) =>
        i == 0 ? (t * t) + tags[0]
        : i == n ? (t * t) + t + tags[n - 1]
        : (tags[i - 1] * t) + tags[i];

    private static NerModel Average(float[] w, float[] u, float[] trans, float[] transU, float c, EntityLabel[] labels, int bits, Gazetteer? gazetteer, string version)
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

        return new NerModel(labels, bits, aw, at, gazetteer, version);
    }
}
