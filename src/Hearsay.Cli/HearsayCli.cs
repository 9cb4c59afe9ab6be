using System.CommandLine;
using Hearsay.Cli.Commands;

namespace Hearsay.Cli;

/// <summary>The command tree. Each area adds its verbs with one line here.</summary>
public static class HearsayCli
{
    public static RootCommand Build()
    {
        var root = new RootCommand("Hearsay: who said what, according to whom.");
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(NerCommands.Create());
        root.Subcommands.Add(TimeCommands.Create());
        root.Subcommands.Add(AttributionCommands.Create());
        root.Subcommands.Add(ExtractionCommands.Create());
        foreach (var c in NlpCommands.Create()) { root.Subcommands.Add(c); }
        root.Subcommands.Add(CorefCommands.Create());
        root.Subcommands.Add(EncodeCommand.Create());
        root.Subcommands.Add(StoreCommands.CreateList());
        root.Subcommands.Add(StoreCommands.CreateShow());
        root.Subcommands.Add(StoreCommands.CreateSearch());
        root.Subcommands.Add(StoreCommands.CreateServe());
        foreach (var c in EntityCommands.Create()) { root.Subcommands.Add(c); }
        return root;
    }
}
