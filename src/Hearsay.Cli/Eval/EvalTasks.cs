namespace Hearsay.Cli.Eval;

/// <summary>Every evaluation task; each issue adds its own with one line here.</summary>
public static class EvalTasks
{
    public static IReadOnlyList<IEvalTask> All { get; } =
    [
        new ExtractionEvalTask(),
        new TokenizeEvalTask(),
        new SyntaxEvalTask("tagger", parse: false, () => [.. Analysis.NlpMode.ContextStages(), Hearsay.Nlp.Tagging.PosTagger.Load()]),
        new NerEvalTask(),
        new TimeEvalTask(),
        new AttributionEvalTask(),
        new SyntaxEvalTask("parser", parse: true, () => [.. Analysis.NlpMode.ContextStages(), Hearsay.Nlp.Tagging.PosTagger.Load(), Hearsay.Nlp.Parsing.DependencyParser.Load()]),
        new SeedEvalTask(),
        new CorefEvalTask(),
        new CorefEvalTask(accurate: true),
        new XdocEvalTask(),
    ];
}
