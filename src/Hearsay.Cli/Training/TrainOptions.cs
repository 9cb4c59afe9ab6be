namespace Hearsay.Cli.Training;

/// <summary>What every trainer receives: training data, optional dev data, output path, seed and epochs.</summary>
public sealed record TrainOptions(string Data, string? Dev, string Out, int Seed, int? Epochs);
