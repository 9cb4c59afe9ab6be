namespace Hearsay.Cli.Training;

/// <summary>What every trainer receives: training data, optional dev data, output path, seed, epochs and, for the
/// parser, a beam width.</summary>
public sealed record TrainOptions(string Data, string? Dev, string Out, int Seed, int? Epochs, int? Beam = null);
