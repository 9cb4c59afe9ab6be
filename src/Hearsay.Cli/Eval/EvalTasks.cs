namespace Hearsay.Cli.Eval;

/// <summary>Every evaluation task; each issue adds its own with one line here.</summary>
public static class EvalTasks
{
    public static IReadOnlyList<IEvalTask> All { get; } =
    [
        new AttributionEvalTask(),
        new SeedEvalTask(),
    ];
}
