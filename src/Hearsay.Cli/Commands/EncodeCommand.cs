using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Hearsay.Cli.Analysis;
using Hearsay.Cli.Training;
using Hearsay.Nlp.Contextual;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay encode --data SPEC</c>: runs the accurate mode's contextual encoder over CoNLL-U sentences (the trainers'
/// data syntax) and keeps the vectors in the training cache (<see cref="ContextVectorCache"/>); reports the encoder's
/// speed in words per CPU-second.
/// </summary>
public static class EncodeCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "CoNLL-U file(s), as for 'hearsay train tagger' (comma-separated; GUM folders with #split+genres).", Required = true };
        var cmd = new Command("encode", "Encode sentences with the contextual encoder (MiniLM) into the training cache; reports speed.") { data };
        cmd.SetAction(parse => CliRunner.Guard("encode", () =>
        {
            var spec = parse.GetValue(data)!;
            var sentences = TaggerTrainTask.Load(spec);
            if (sentences.Count == 0)
            {
                throw new CliException($"--data '{spec}': no sentences found.");
            }

            var words = sentences.Select(s => (IReadOnlyList<string>)s.Words.Select(w => w.Form).ToArray()).ToList();
            using var process = Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var vectors = ContextVectorCache.Encode(NlpMode.SharedEncoder, words, Console.Error);
            process.Refresh();
            double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
            long count = words.Sum(w => (long)w.Count);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{vectors.Length} sentences, {count} words, {clock.Elapsed.TotalSeconds:F1} s wall, {cpu:F1} CPU-s ({count / Math.Max(cpu, 1e-9):F0} words per CPU-second, loading and cache included)"));
            return ExitCodes.Ok;
        }));
        return cmd;
    }
}
