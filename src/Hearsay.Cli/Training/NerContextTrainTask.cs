using System.Globalization;
using Hearsay.Cli.Analysis;
using Hearsay.Nlp.Contextual;
using Hearsay.Nlp.Entities;

namespace Hearsay.Cli.Training;

/// <summary>
/// <c>hearsay train ner-context --data SPEC --dev DEV.iob2 --out models/ner/ner-context.bin --epochs 10</c>: the
/// accurate mode's contextual scorer for NER over MiniLM token states (<see cref="NerContextTrainer"/>). --data is the
/// NER card's spec (gaz: entries feed only the held-out perceptron's gazetteer, minilm: its word classes); --epochs
/// is the held-out perceptron's. The network's settings come from HEARSAY_CONTEXT_EPOCHS, _RADIUS, _HIDDEN and
/// _DROPOUT and are recorded in the file's version.
/// </summary>
public sealed class NerContextTrainTask : ITrainTask
{
    public string Name => "ner-context";

    public string Description => "Accurate-mode contextual scorer for NER (MiniLM token states; separate file).";

    public void Run(TrainOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var data = NerDataSpec.Read(options.Data, log);
        var (train, gazetteerOnly) = (data.Train, data.GazetteerOnly);
        var clusters = data.Clusters(options.Seed, log);

        var settings = ContextTrainSettings.FromEnvironment();
        var version = "context-" + settings.Describe() + "-" + DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-s" + options.Seed.ToString(CultureInfo.InvariantCulture);
        log.WriteLine($"ner-context: data {options.Data}; dev {options.Dev ?? "none"}; out {options.Out}; {version}");
        var vectors = ContextVectorCache.Encode(NlpMode.SharedEncoder, [.. train.Select(s => (IReadOnlyList<string>)s.Words)], log);

        // The shipped perceptron's settings (models/ner/README.md); its window scorer is replaced by the contextual one.
        var perceptron = new NerTrainerOptions { Epochs = options.Epochs ?? 10, Seed = options.Seed, LowercaseCopies = 0.25, Version = "held-out" };
        var scorer = NerContextTrainer.Train(train, vectors, ContextEncoder.Dimension, ContextEncoder.SourceName, gazetteerOnly, clusters, perceptron, settings, version, log, cancellationToken);
        scorer.Save(options.Out);
        log.WriteLine($"ner-context: wrote {options.Out} ({new FileInfo(options.Out).Length / 1024} KiB, scale {scorer.Scale.ToString(CultureInfo.InvariantCulture)})");
        if (options.Dev is not { } devPath)
        {
            return;
        }

        var dev = NerDataSpec.Load(devPath, log, "--dev");
        var model = EntityRecognizer.LoadModel(accurate: false).WithContext(ContextTokenScorer.Load(options.Out));
        var devVectors = ContextVectorCache.Encode(NlpMode.SharedEncoder, [.. dev.Select(s => (IReadOnlyList<string>)s.Words)], log);
        var score = NerTrainer.Evaluate(model, dev, perceptron.Labels, perceptron.Consistency, devVectors);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ner-context: dev {devPath} with the shipped perceptron: P={score.Micro.Precision:F4} R={score.Micro.Recall:F4} F1={score.Micro.F1:F4}"));
    }
}
