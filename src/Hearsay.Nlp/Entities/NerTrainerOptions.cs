using Hearsay.Core.Documents;
using Hearsay.Core.Learning;

namespace Hearsay.Nlp.Entities;

/// <summary>Hyper-parameters of <see cref="NerTrainer"/>; every run logs them.</summary>
public sealed record NerTrainerOptions
{
    public int Epochs { get; init; } = 12;

    public int Seed { get; init; } = 1;

    /// <summary>log2 of the number of hashed feature buckets.</summary>
    public int BucketBits { get; init; } = 20;

    public IReadOnlyList<EntityLabel> Labels { get; init; } = [EntityLabel.Person, EntityLabel.Org, EntityLabel.Loc];

    /// <summary>Stop when this much wall time has passed (the epoch in progress finishes).</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromMinutes(12);

    /// <summary>Whether to build a gazetteer of training names and use its matches as features.</summary>
    public bool Gazetteer { get; init; } = true;

    /// <summary>Blocks of training sentences for the held-out gazetteer features.</summary>
    public int GazetteerFolds { get; init; } = 5;

    /// <summary>Fraction of training sentences that also get a lower-cased copy.</summary>
    public double LowercaseCopies { get; init; }

    /// <summary>Whether dev scoring (and so epoch selection) includes the <see cref="NameConsistency"/> pass.</summary>
    public bool Consistency { get; init; } = true;

    /// <summary>Whether to train a stacked second pass over jackknifed first-pass tags and document votes.</summary>
    public bool Stacked { get; init; }

    public string Version { get; init; } = "ner";

    /// <summary>Epochs of the window scorer over MiniLM vectors (<see cref="WindowScorerTrainer"/>); 0: no scorer.</summary>
    public int NetworkEpochs { get; init; }

    /// <summary>Size of the projected word vectors.</summary>
    public int NetworkDim { get; init; } = 48;

    /// <summary>Hidden units (a multiple of the SIMD width).</summary>
    public int NetworkHidden { get; init; } = 128;

    public float NetworkDropout { get; init; } = 0.2f;

    /// <summary>Adam's initial step size (decays linearly to a tenth).</summary>
    public float NetworkRate { get; init; } = 1e-3f;

    /// <summary>Weight of the scorer's log-probabilities in the Viterbi; null: chosen on held-out training sentences.</summary>
    public float? NetworkScale { get; init; }

    /// <summary>Share of the training sentences (the first block, UNER documents when UNER comes first) held out to choose the weight.</summary>
    public double NetworkHoldout { get; init; } = 0.1;

    /// <summary>The scorer trains on the first this many training sentences only (null: all), e.g. only the first corpus.</summary>
    public int? NetworkSentences { get; init; }

    /// <summary>The window scorer's hyper-parameters from the Network* options.</summary>
    public WindowScorerSettings NetworkSettings => new() { Epochs = NetworkEpochs, Dim = NetworkDim, Hidden = NetworkHidden, Dropout = NetworkDropout, Rate = NetworkRate };

    public override string ToString() =>
        $"epochs={Epochs} seed={Seed} bucketBits={BucketBits} labels={string.Join(",", Labels)} timeLimit={TimeLimit.TotalMinutes}min gazetteer={Gazetteer} gazetteerFolds={GazetteerFolds} lowercaseCopies={LowercaseCopies} consistency={Consistency} stacked={Stacked} network={(NetworkEpochs == 0 ? "none" : $"epochs {NetworkEpochs} dim {NetworkDim} hidden {NetworkHidden} dropout {NetworkDropout} rate {NetworkRate} sentences {NetworkSentences?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all"} scale {NetworkScale?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? $"held-out {NetworkHoldout}"}")} features={NerFeatureExtractor.PerToken}/token";
}
