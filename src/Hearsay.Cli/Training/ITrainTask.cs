namespace Hearsay.Cli.Training;

/// <summary>One model trainer reachable as <c>hearsay train NAME --data PATH --out PATH</c>.</summary>
public interface ITrainTask
{
    string Name { get; }

    string Description { get; }

    /// <summary>Trains reproducibly (fixed seed), logging data and hyper-parameters to <paramref name="log"/>.</summary>
    void Run(TrainOptions options, TextWriter log, CancellationToken cancellationToken);
}
