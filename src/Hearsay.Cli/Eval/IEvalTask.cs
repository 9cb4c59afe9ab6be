using Hearsay.Core.Evaluation;

namespace Hearsay.Cli.Eval;

/// <summary>One quality measurement reachable as <c>hearsay eval NAME --data PATH</c>.</summary>
public interface IEvalTask
{
    string Name { get; }

    string Description { get; }

    /// <summary>Scores the system on <paramref name="data"/>; throws <see cref="CliException"/> for unusable data.</summary>
    EvalReport Run(string data, CancellationToken cancellationToken);
}
