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

    public string Version { get; init; } = "ner";

    public override string ToString() =>
        $"epochs={Epochs} seed={Seed} bucketBits={BucketBits} labels={string.Join(",", Labels)} timeLimit={TimeLimit.TotalMinutes}min gazetteer={Gazetteer} gazetteerFolds={GazetteerFolds} features={NerFeatureExtractor.PerToken}/token";
}
