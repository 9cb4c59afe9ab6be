namespace Hearsay.Cli.Training;

/// <summary>Every trainer; each issue adds its own with one line here.</summary>
public static class TrainTasks
{
    public static IReadOnlyList<ITrainTask> All { get; } =
    [
        new TaggerTrainTask(),
        new TaggerContextTrainTask(),
        new NerTrainTask(),
        new NerContextTrainTask(),
        new AttributionTrainTask(),
        new ParserTrainTask(),
        new ContextParserTrainTask(),
        new CorefTrainTask(),
    ];
}
