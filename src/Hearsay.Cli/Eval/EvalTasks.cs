using Hearsay.Cli.Analysis;
using Hearsay.Nlp.Parsing;
using Hearsay.Nlp.Tagging;

namespace Hearsay.Cli.Eval;

/// <summary>Every evaluation task; each issue adds its own with one line here.</summary>
public static class EvalTasks
{
    // The stage lists are built when a task runs, so NlpMode (HEARSAY_ACCURATE, or the -accurate tasks) is read then.
    private static readonly IEvalTask Tagger = new SyntaxEvalTask("tagger", parse: false, () => [.. NlpMode.ContextStages(), PosTagger.Load(NlpMode.Accurate)]);
    private static readonly IEvalTask Parser = new SyntaxEvalTask("parser", parse: true, () => [.. NlpMode.ContextStages(), PosTagger.Load(NlpMode.Accurate), DependencyParser.Load(NlpMode.Accurate)]);
    private static readonly IEvalTask Ner = new NerEvalTask();
    private static readonly IEvalTask Coref = new CorefEvalTask();

    public static IReadOnlyList<IEvalTask> All { get; } =
    [
        new ExtractionEvalTask(),
        new TokenizeEvalTask(),
        Tagger,
        new AccurateEvalTask(Tagger),
        Ner,
        new AccurateEvalTask(Ner),
        new TimeEvalTask(),
        new AttributionEvalTask(),
        Parser,
        new AccurateEvalTask(Parser),
        new SeedEvalTask(),
        Coref,
        new AccurateEvalTask(Coref),
        new XdocEvalTask(),
    ];
}
