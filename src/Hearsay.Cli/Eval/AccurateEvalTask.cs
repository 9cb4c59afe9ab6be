using Hearsay.Cli.Analysis;
using Hearsay.Core.Evaluation;

namespace Hearsay.Cli.Eval;

/// <summary>
/// An evaluation run in the accurate mode whatever HEARSAY_ACCURATE says (<c>hearsay eval tagger-accurate</c>, ...), so
/// that eval/floors.json can pin the accurate scores beside the fast ones.
/// </summary>
public sealed class AccurateEvalTask(IEvalTask fast) : IEvalTask
{
    public string Name => fast.Name + "-accurate";

    public string Description => fast.Description + " Accurate mode (MiniLM contextual vectors).";

    public EvalReport Run(string data, CancellationToken cancellationToken)
    {
        using var mode = NlpMode.Force(accurate: true);
        return fast.Run(data, cancellationToken);
    }
}
