using System.Globalization;
using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;
using Hearsay.Nlp.Conllu;
using Hearsay.Nlp.Learning;
using Hearsay.Nlp.Parsing;
using Hearsay.Nlp.Tagging;

namespace Hearsay.Cli.Training;

/// <summary>
/// <c>hearsay train parser --data ... --dev DEV.conllu --out models/parser/parser.bin</c>: the parser learns from
/// predicted POS tags (4-fold jackknifing: each quarter of the training data is tagged by a tagger trained on the
/// other three), and the dev score uses the installed tagger (models/tagger) for tags, from gold tokens.
/// </summary>
public sealed class ParserTrainTask : ITrainTask
{
    private const int Folds = 4;
    private const int FoldTaggerEpochs = 8;

    public string Name => "parser";

    public string Description => "Dependency parser (arc-hybrid, dynamic oracle) and arc labeler from CoNLL-U.";

    public void Run(TrainOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var (train, wordClasses) = TaggerTrainTask.LoadTraining(options.Data, options.Seed, log);
        int epochs = options.Epochs ?? 15;
        log.WriteLine($"parser: data {options.Data}; dev {options.Dev ?? "none"}; out {options.Out}; jackknife {Folds} folds, fold tagger epochs {FoldTaggerEpochs}");
        PredictTags(train, wordClasses, options, log, cancellationToken);

        var version = "arc-hybrid-" + DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-s" + options.Seed.ToString(CultureInfo.InvariantCulture);
        Func<ParserModel, int, string>? evaluate = null;
        if (options.Dev is { } dev)
        {
            var devSentences = TaggerTrainTask.Load(dev);
            PosTagger tagger;
            try
            {
                tagger = PosTagger.Load();
            }
            catch (FileNotFoundException e)
            {
                throw new CliException("the dev score needs an installed tagger: " + e.Message, e);
            }

            evaluate = (model, _) =>
            {
                var scores = new SyntaxScores();
                var pipeline = DocumentPipeline.Build([tagger, new DependencyParser(model, model.BeamWidth)], Layers.Text | Layers.Tokens | Layers.Sentences);
                foreach (var doc in ConlluDocuments.GroupByDocument(devSentences))
                {
                    var d = ConlluDocuments.FromGoldTokens(doc);
                    pipeline.Run(d, cancellationToken);
                    scores.AddGoldTokens(doc, d, parsed: true);
                }

                var m = scores.ToMetrics(parsed: true, raw: false);
                return $"uas {m["uas"]} las {m["las"]} (lasFull {m["lasFull"]}, upos {m["upos"]})";
            };
        }

        var parser = ParserTrainer.Train(train, epochs, options.Seed, version, log, evaluate, options.Beam ?? 1);
        if (evaluate is not null)
        {
            // Smaller files: drop small weights while the dev LAS stays within 0.1 point of the unpruned model.
            var full = evaluate(parser, epochs);
            double fullLas = Las(full);
            foreach (var threshold in new[] { 0.002f, 0.005f, 0.01f, 0.02f })
            {
                var pruned = new ParserModel(parser.Version, parser.Transitions.Prune(threshold), parser.Labels.Prune(threshold), parser.LabelNames, parser.BeamWidth, parser.TemplateCount);
                var score = evaluate(pruned, epochs);
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parser: prune {threshold}: {pruned.Transitions.FeatureCount} + {pruned.Labels.FeatureCount} features; dev {score}"));
                if (Las(score) < fullLas - 0.001)
                {
                    break;
                }

                parser = pruned;
            }
        }

        parser.Save(options.Out);
        log.WriteLine($"parser: wrote {options.Out} ({new FileInfo(options.Out).Length / 1024} KiB)");
    }

    /// <summary>Replaces the gold POS columns of <paramref name="train"/> by jackknifed predictions (or by the cached ones, see the card).</summary>
    internal static void PredictTags(List<ConlluSentence> train, WordClasses? wordClasses, TrainOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        // Opt-in only: the key cannot see a change in the tagger's code, so a run that ships a model recomputes the tags.
        var cache = Environment.GetEnvironmentVariable("HEARSAY_PARSER_JACKKNIFE_CACHE") == "1"
            ? JackknifeCache(options, wordClasses is not null)
            : null;
        if (cache is null || !RestoreTags(train, cache))
        {
            Jackknife(train, wordClasses, options.Seed, log, cancellationToken);
            if (cache is not null)
            {
                SaveTags(train, cache);
            }
        }
        else
        {
            log.WriteLine($"parser: jackknifed tags restored from {cache} (HEARSAY_PARSER_JACKKNIFE_CACHE=1)");
        }
    }

    private static double Las(string score)
    {
        int at = score.IndexOf(" las ", StringComparison.Ordinal) + 5;
        int end = score.IndexOf(' ', at);
        return double.Parse(score[at..end], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Where the jackknifed tags of this data and seed are kept between runs: they take minutes to compute and do not
    /// change with the parser's settings (a temporary file named after a hash of the data list, seed and fold settings).
    /// </summary>
    private static string JackknifeCache(TrainOptions options, bool wordClasses)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"{Path.GetFullPath(".")}|{options.Data}|{options.Seed}|{Folds}|{FoldTaggerEpochs}|{wordClasses}");
        var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..16];
        return Path.Combine(Path.GetTempPath(), $"hearsay-parser-jackknife-{hash}.txt");
    }

    private static void SaveTags(List<ConlluSentence> train, string path)
    {
        using var writer = new StreamWriter(path);
        foreach (var s in train)
        {
            writer.WriteLine(string.Join(' ', s.Words.Select(w => w.Upos + "/" + w.Xpos)));
        }
    }

    /// <summary>Sets the cached tags when the file matches the sentences word for word; false otherwise.</summary>
    private static bool RestoreTags(List<ConlluSentence> train, string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length != train.Count)
        {
            return false;
        }

        var tags = lines.Select(l => l.Split(' ')).ToArray();
        for (int i = 0; i < train.Count; i++)
        {
            if (tags[i].Length != train[i].Words.Count || tags[i].Any(t => t.IndexOf('/', StringComparison.Ordinal) < 0))
            {
                return false;
            }
        }

        for (int i = 0; i < train.Count; i++)
        {
            for (int j = 0; j < tags[i].Length; j++)
            {
                int slash = tags[i][j].IndexOf('/', StringComparison.Ordinal);
                train[i].Words[j].Upos = tags[i][j][..slash];
                train[i].Words[j].Xpos = tags[i][j][(slash + 1)..];
            }
        }

        return true;
    }

    /// <summary>Replaces the gold POS columns of <paramref name="train"/> by jackknifed predictions.</summary>
    private static void Jackknife(List<ConlluSentence> train, WordClasses? wordClasses, int seed, TextWriter log, CancellationToken cancellationToken)
    {
        long correct = 0, total = 0;
        for (int fold = 0; fold < Folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rest = new List<ConlluSentence>();
            var held = new List<ConlluSentence>();
            for (int i = 0; i < train.Count; i++)
            {
                (i % Folds == fold ? held : rest).Add(train[i]);
            }

            var tagger = new PosTagger(TaggerTrainer.Train(rest, null, FoldTaggerEpochs, seed + fold, "fold", TextWriter.Null, wordClasses));
            foreach (var s in held)
            {
                var tags = tagger.TagWords(s.Words.Select(w => w.Form).ToArray());
                for (int i = 0; i < tags.Length; i++)
                {
                    total++;
                    if (tags[i].Upos == s.Words[i].Upos)
                    {
                        correct++;
                    }

                    s.Words[i].Upos = tags[i].Upos;
                    s.Words[i].Xpos = tags[i].Xpos;
                }
            }
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"parser: jackknifed tags on training data, UPOS accuracy {(double)correct / Math.Max(1, total):0.0000}"));
    }
}
