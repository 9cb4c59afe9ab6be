using System.CommandLine;
using Hearsay.Cli.Training;

namespace Hearsay.Cli.Commands;

/// <summary><c>hearsay train TASK --data PATH --out PATH</c>: reproducible training of a shipped model.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var task = new Argument<string>("task") { Description = "What to train: " + string.Join(", ", TrainTasks.All.Select(t => t.Name)) };
        var data = new Option<string>("--data") { Description = "Training data (file or folder).", Required = true };
        var dev = new Option<string?>("--dev") { Description = "Development data for model selection and the reported score." };
        var output = new Option<string>("--out") { Description = "Where to write the model.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => 1 };
        var epochs = new Option<int?>("--epochs") { Description = "Training epochs (task default when omitted)." };
        var beam = new Option<int?>("--beam") { Description = "Parser: beam width (global training for beam search; 1 or omitted: greedy)." };
        var cmd = new Command("train", "Train a model from ../shared/corpora.") { task, data, dev, output, seed, epochs, beam };
        cmd.SetAction((parse, ct) =>
        {
            var name = parse.GetValue(task)!;
            var t = TrainTasks.All.FirstOrDefault(x => x.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (t is null)
            {
                Console.Error.WriteLine($"hearsay train: unknown task '{name}'. Tasks: {string.Join(", ", TrainTasks.All.Select(x => x.Name))}.");
                return Task.FromResult(ExitCodes.Usage);
            }

            var options = new TrainOptions(parse.GetValue(data)!, parse.GetValue(dev), parse.GetValue(output)!, parse.GetValue(seed), parse.GetValue(epochs), parse.GetValue(beam));
            return Task.FromResult(CliRunner.Guard("train " + t.Name, () =>
            {
                t.Run(options, Console.Error, ct);
                return ExitCodes.Ok;
            }));
        });
        return cmd;
    }
}
