using Hearsay.Core.Documents;

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

    public override string ToString() =>
        $"epochs={Epochs} seed={Seed} bucketBits={BucketBits} labels={string.Join(",", Labels)} timeLimit={TimeLimit.TotalMinutes}min gazetteer={Gazetteer} gazetteerFolds={GazetteerFolds} lowercaseCopies={LowercaseCopies} consistency={Consistency} stacked={Stacked} features={NerFeatureExtractor.PerToken}/token";
}
