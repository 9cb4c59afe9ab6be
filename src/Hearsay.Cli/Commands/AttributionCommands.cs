using System.CommandLine;
using Hearsay.Attribution.Corpus;
using Hearsay.Attribution.Tagging;

namespace Hearsay.Cli.Commands;

/// <summary><c>hearsay attribute --input FILE.jsonl --output FILE.jsonl</c>: B-/I- source, cue and content labels per token, from the tokens alone.</summary>
public static class AttributionCommands
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "Sentence JSON lines with a \"tokens\" array (labels, if any, are ignored).", Required = true };
        var output = new Option<string>("--output") { Description = "Where to write the sentences with predicted \"labels\".", Required = true };
        var model = new Option<string?>("--model") { Description = "Attribution model file (default: models/attribution/attribution.bin.gz)." };
        var format = CommonOptions.Format();
        var cmd = new Command("attribute", "Label attribution source, cue and content tokens in sentence JSON lines.") { input, output, model, format };
        cmd.SetAction((parse, ct) => Task.FromResult(CliRunner.Guard("attribute", () =>
        {
            var inPath = parse.GetValue(input)!;
            List<LabeledSentence> sentences;
            try
            {
                sentences = SentenceJsonLines.Read(inPath, requireLabels: false);
            }
            catch (FormatException e)
            {
                throw new CliException(e.Message);
            }

            var tagger = parse.GetValue(model) is { } given ? LoadTagger(given) : AttributionModel.Tagged ?? LoadTagger(null);
            var predicted = new List<LabeledSentence>(sentences.Count);
            var tags = new Hearsay.Cli.Training.AttributionPosTags();
            bool deps = Hearsay.Cli.Training.AttributionPosTags.DependenciesWanted;
            foreach (var s in sentences)
            {
                ct.ThrowIfCancellationRequested();

                // Gold labels and tags from the input are not used: the prediction sees the tokens and the shipped tagger's tags and
                // parser's dependencies, as `hearsay eval attribution` does, so the two give the same labels.
                var (pos, heads, rels, classes) = tags.Analyze(s.Tokens, deps);
                predicted.Add(s with { Pos = null, Labels = tagger.Predict(s.Tokens, pos, heads, rels, classes: classes) });
            }

            using (var writer = new StreamWriter(parse.GetValue(output)!))
            {
                SentenceJsonLines.Write(writer, predicted);
            }

            var summary = $"{predicted.Count} sentences labelled with {tagger.Version}";
            if (parse.GetValue(format) == OutputFormat.Text)
            {
                Console.Out.WriteLine(summary);
            }
            else
            {
                Console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(new { sentences = predicted.Count, model = tagger.Version }, Hearsay.Core.Serialization.HearsayJson.Options));
            }

            return ExitCodes.Ok;
        })));
        return cmd;
    }

    internal static AttributionTagger LoadTagger(string? path)
    {
        try
        {
            return AttributionModel.Load(path);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException)
        {
            throw new CliException(e.Message);
        }
    }
}
