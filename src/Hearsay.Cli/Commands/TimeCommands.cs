using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Hearsay.Cli.Eval;
using Hearsay.Core.Serialization;
using Hearsay.Nlp.Time;

namespace Hearsay.Cli.Commands;

/// <summary><c>hearsay timex --input DIR --output DIR</c>: TimeML in, TimeML with predicted TIMEX3 tags out (official scorer layout).</summary>
public static class TimeCommands
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "A TimeML file or a folder of .tml files (gold TIMEX3 tags are removed, the DCT is kept and used as anchor).", Required = true };
        var output = new Option<string>("--output") { Description = "Folder to write the predicted .tml files to (same relative paths).", Required = true };
        var format = CommonOptions.Format();
        var cmd = new Command("timex", "Tag TIMEX3 time expressions in TimeML files, for the official TempEval-3 scorer.") { input, output, format };
        cmd.SetAction((parse, ct) => Task.FromResult(CliRunner.Guard("timex", () =>
        {
            var documents = TimeEvalTask.ReadCorpus(parse.GetValue(input)!, ct);
            var outDir = parse.GetValue(output)!;
            var recognizer = new TimexRecognizer();
            int expressions = 0;
            var clock = Stopwatch.StartNew();
            foreach (var doc in documents)
            {
                ct.ThrowIfCancellationRequested();
                var times = recognizer.Recognize(doc.Text, doc.CreationTime, ct);
                expressions += times.Count;
                var path = Path.Combine(outDir, doc.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                File.WriteAllText(path, doc.WithTimexes(times));
                if (parse.GetValue(format) == OutputFormat.Jsonl)
                {
                    Console.Out.WriteLine(JsonSerializer.Serialize(new { file = doc.Name, expressions = times.Count }, HearsayJson.Options));
                }
            }

            clock.Stop();
            var summary = new { files = documents.Count, expressions, milliseconds = Math.Round(clock.Elapsed.TotalMilliseconds), output = outDir };
            switch (parse.GetValue(format))
            {
                case OutputFormat.Json:
                    Console.Out.WriteLine(JsonSerializer.Serialize(summary, HearsayJson.Options));
                    break;
                case OutputFormat.Text:
                    Console.Out.WriteLine($"{summary.files} files, {expressions} time expressions, written to {outDir} in {summary.milliseconds} ms");
                    break;
                default:
                    break;
            }

            return ExitCodes.Ok;
        })));
        return cmd;
    }
}
