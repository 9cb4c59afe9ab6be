using System.CommandLine;
using Hearsay.Cli.Eval;

namespace Hearsay.Cli.Commands;

/// <summary><c>hearsay eval TASK --data PATH [--json]</c>: the one entry for all quality measurements.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var task = new Argument<string>("task") { Description = "What to evaluate: " + string.Join(", ", EvalTasks.All.Select(t => t.Name)) };
        var data = new Option<string>("--data") { Description = "Gold data: a file or folder in the task's format.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print exactly one JSON object on one line on stdout." };
        var cmd = new Command("eval", "Score Hearsay against gold data.") { task, data, json };
        cmd.SetAction((parse, ct) =>
        {
            var name = parse.GetValue(task)!;
            var t = EvalTasks.All.FirstOrDefault(x => x.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (t is null)
            {
                Console.Error.WriteLine($"hearsay eval: unknown task '{name}'. Tasks: {string.Join(", ", EvalTasks.All.Select(x => x.Name))}.");
                return Task.FromResult(ExitCodes.Usage);
            }

            return Task.FromResult(CliRunner.Guard("eval " + t.Name, () =>
            {
                var report = t.Run(parse.GetValue(data)!, ct);
                if (parse.GetValue(json))
                {
                    Console.Out.WriteLine(report.ToJsonLine());
                }
                else
                {
                    foreach (var line in report.Details)
                    {
                        Console.Out.WriteLine(line);
                    }

                    Console.Out.WriteLine(report.ToJsonLine());
                }

                return ExitCodes.Ok;
            }));
        });
        return cmd;
    }
}
