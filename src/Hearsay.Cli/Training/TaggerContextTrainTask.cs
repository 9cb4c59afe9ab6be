using System.Globalization;
using Hearsay.Cli.Analysis;
using Hearsay.Core.Documents;
using Hearsay.Core.Models;
using Hearsay.Core.Pipeline;
using Hearsay.Nlp.Conllu;
using Hearsay.Nlp.Contextual;
using Hearsay.Nlp.Tagging;

namespace Hearsay.Cli.Training;

/// <summary>
/// <c>hearsay train tagger-context --data SPEC --dev DEV.conllu --out models/tagger/tagger-context.bin --epochs 10</c>:
/// the accurate mode's contextual scorer for the tagger over MiniLM token states (<see cref="TaggerContextTrainer"/>).
/// --data is the tagger's own spec (its minilm: entry gives the held-out perceptron the shipped one's word classes);
/// --epochs is the held-out perceptron's. The network's settings come from HEARSAY_CONTEXT_EPOCHS, _RADIUS,
/// _HIDDEN and _DROPOUT (defaults in <see cref="ContextTokenSettings"/>) and are recorded in the file's version.
/// </summary>
public sealed class TaggerContextTrainTask : ITrainTask
{
    public string Name => "tagger-context";

    public string Description => "Accurate-mode contextual scorer for the POS tagger (MiniLM token states; separate file).";

    public void Run(TrainOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var (train, wordClasses) = TaggerTrainTask.LoadTraining(options.Data, options.Seed, log);
        var settings = ContextTrainSettings.FromEnvironment();
        var version = "context-" + settings.Describe() + "-" + DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-s" + options.Seed.ToString(CultureInfo.InvariantCulture);
        log.WriteLine($"tagger-context: data {options.Data}; dev {options.Dev ?? "none"}; out {options.Out}; {version}");
        var vectors = ContextVectorCache.Encode(NlpMode.SharedEncoder, [.. train.Select(s => (IReadOnlyList<string>)[.. s.Words.Select(w => w.Form)])], log);
        var scorer = TaggerContextTrainer.Train(train, vectors, ContextEncoder.Dimension, ContextEncoder.SourceName, options.Epochs ?? 10, options.Seed, wordClasses, settings, version, log, cancellationToken);
        scorer.Save(options.Out);
        log.WriteLine($"tagger-context: wrote {options.Out} ({new FileInfo(options.Out).Length / 1024} KiB, scale {scorer.Scale.ToString(CultureInfo.InvariantCulture)})");
        if (options.Dev is not { } dev)
        {
            return;
        }

        var perceptronPath = ModelPaths.Find(PosTagger.DefaultModelPath) ?? throw new CliException($"tagger model '{PosTagger.DefaultModelPath}' not found.");
        var sentences = TaggerTrainTask.Load(dev);
        var stages = new IDocumentStage[] { new ContextEncoderStage(NlpMode.SharedEncoder), new PosTagger(TaggerModel.Load(perceptronPath), ContextTokenScorer.Load(options.Out)) };
        var pipeline = DocumentPipeline.Build(stages, Layers.Text | Layers.Tokens | Layers.Sentences);
        var scores = new SyntaxScores();
        foreach (var doc in ConlluDocuments.GroupByDocument(sentences))
        {
            var d = ConlluDocuments.FromGoldTokens(doc);
            pipeline.Run(d, cancellationToken);
            scores.AddGoldTokens(doc, d, parsed: false);
        }

        var m = scores.ToMetrics(parsed: false, raw: false);
        log.WriteLine($"tagger-context: dev {dev} with {perceptronPath}: upos {m["upos"]} xpos {m["xpos"]}");
    }
}
