using System.Diagnostics;
using System.Globalization;
using Hearsay.Cli.Analysis;
using Hearsay.Cli.Eval;
using Hearsay.Nlp.Contextual;
using Hearsay.Nlp.Coreference;

namespace Hearsay.Cli.Training;

/// <summary>
/// <c>hearsay train coref --data 'gum/dep#train+...' [--dev 'gum/dep#dev'] --out models/coref/coref.bin</c>: the mention
/// ranker that redraws the sieve's clusters. Tags, parse and names come from the shipped models, as at run time; gold
/// coreference only labels the training mentions. The dev score is the CoNLL F1 without singletons.
/// HEARSAY_COREF_NO_SIEVE=1 trains without the sieve's decisions as features (the learned model alone, for comparison);
/// HEARSAY_COREF_PAIR_RELATIONS=1 adds the head relations of name and nominal pairs (<see cref="MentionRanker.PairRelations"/>,
/// saved in the model file, so run time follows); HEARSAY_COREF_IT_FRAMES=1 the frame of "it" ("it is clear that") and
/// HEARSAY_COREF_PREMODIFIERS=1 the premodifier rules of mention detection (<see cref="RankerVariants"/>; none shipped in
/// the fast model); HEARSAY_COREF_CONTEXT=1 the contextual similarity of the accurate mode (MiniLM vectors; the model
/// goes to models/coref/coref-context.bin and is loaded only when accurate).
/// </summary>
public sealed class CorefTrainTask : ITrainTask
{
    /// <summary>
    /// Perceptrons trained with seeds --seed, --seed + 1, ... whose mean is the model (HEARSAY_COREF_SEEDS overrides).
    /// GUM dev: seeds 1-3 alone 0.5396 / 0.5440 / 0.5356, their mean 0.5442 (fixed boundaries, no speakers); with
    /// learned boundaries and speakers the mean of seeds 1-3 0.5496, of seeds 4-6 0.5488, of seeds 1-6 0.5469.
    /// </summary>
    private const int SeedRuns = 3;

    public string Name => "coref";

    public string Description => "Coreference mention ranker (averaged perceptron over the sieve's mentions) from GUM/CorefUD CoNLL-U.";

    public void Run(TrainOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        int epochs = options.Epochs ?? 6;
        bool sieveFeatures = Environment.GetEnvironmentVariable("HEARSAY_COREF_NO_SIEVE") is null;
        var variants = (Environment.GetEnvironmentVariable("HEARSAY_COREF_PAIR_RELATIONS") is null ? RankerVariants.None : RankerVariants.PairRelations)
            | (Environment.GetEnvironmentVariable("HEARSAY_COREF_IT_FRAMES") is null ? RankerVariants.None : RankerVariants.ItFrames)
            | (Environment.GetEnvironmentVariable("HEARSAY_COREF_PREMODIFIERS") is null ? RankerVariants.None : RankerVariants.Premodifiers)
            | (Environment.GetEnvironmentVariable("HEARSAY_COREF_CONTEXT") is null ? RankerVariants.None : RankerVariants.Context);
        var stages = CorefEvalTask.LoadStages();
        var train = Annotate(CorefEvalTask.Load(options.Data), stages, cancellationToken);
        var dev = options.Dev is { } d ? Annotate(CorefEvalTask.Load(d), stages, cancellationToken) : null;
        if (variants.HasFlag(RankerVariants.Context))
        {
            // One cache entry per corpus part: the whole training list in one call, the dev list in another.
            ContextEncoderStage.AttachCached(NlpMode.SharedEncoder, train.Select(t => t.Document).ToList(), log);
            if (dev is not null)
            {
                ContextEncoderStage.AttachCached(NlpMode.SharedEncoder, dev.Select(t => t.Document).ToList(), log);
            }
        }

        log.WriteLine($"coref: data {options.Data} ({train.Count} documents); dev {options.Dev ?? "none"}; out {options.Out}; annotated in {clock.Elapsed.TotalSeconds:F0} s");
        var baseOptions = CorefEvalTask.SieveOptions;
        Func<MentionRanker, string>? evaluate = null;
        if (dev is not null)
        {
            log.WriteLine("coref: sieve alone on dev: " + Score(dev, baseOptions, cancellationToken));
            evaluate = ranker => Score(dev, CorefEvalTask.WithRanker(ranker), cancellationToken);
        }

        int runs = Environment.GetEnvironmentVariable("HEARSAY_COREF_SEEDS") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : SeedRuns;
        var seeds = Enumerable.Range(options.Seed, Math.Max(1, runs)).ToArray();
        var version = "rank-" + DateTime.UtcNow.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-s" + options.Seed.ToString(CultureInfo.InvariantCulture) + (seeds.Length > 1 ? "x" + seeds.Length.ToString(CultureInfo.InvariantCulture) : "") + (sieveFeatures ? "" : "-nosieve") + (variants.HasFlag(RankerVariants.Context) ? "-ctx" : "");
        var model = MentionRankerTrainer.Train(train, baseOptions, epochs, seeds, version, sieveFeatures, log, evaluate, variants, cancellationToken);
        model.Save(options.Out);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"coref: wrote {options.Out} ({model.Weights.FeatureCount} features, {new FileInfo(options.Out).Length} bytes) in {clock.Elapsed.TotalSeconds:F0} s"));
    }

    private static List<CorefDocument> Annotate(List<CorefDocument> docs, Hearsay.Core.Pipeline.IDocumentStage[] stages, CancellationToken cancellationToken)
    {
        foreach (var d in docs)
        {
            GoldTags.Current = d;
            foreach (var stage in stages)
            {
                stage.Process(d.Document, cancellationToken);
            }
        }

        return docs;
    }

    private static string Score(List<CorefDocument> docs, CoreferenceOptions options, CancellationToken cancellationToken)
    {
        var resolver = new CoreferenceResolver(options);
        var scorer = new CorefScorer(singletons: false);
        foreach (var d in docs)
        {
            var prediction = resolver.Predict(d.Document, d.Speakers(), cancellationToken);
            scorer.Add(d.GoldClusters().Select(c => (IReadOnlyList<Hearsay.Core.Documents.TokenRange>)c).ToList(), prediction.Clusters);
        }

        return string.Create(CultureInfo.InvariantCulture, $"CoNLL F1 {scorer.ConllF1:F4} (MUC {scorer.Muc.F1:F4}, B3 {scorer.B3.F1:F4}, CEAF-e {scorer.CeafE.F1:F4})");
    }
}
