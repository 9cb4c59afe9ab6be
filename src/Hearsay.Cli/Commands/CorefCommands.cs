using System.CommandLine;
using System.Text;
using System.Text.Json;
using Hearsay.Cli.Eval;
using Hearsay.Core.Serialization;
using Hearsay.Nlp.Coreference;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay coref --input DIR --output DIR</c>: predict-only coreference for the CorefUD scorer. Every *.conllu
/// file is rewritten with the same words and columns and predicted <c>Entity=</c> brackets in MISC; gold
/// coreference in the input is dropped, never read for prediction.
/// </summary>
public static class CorefCommands
{
    public static Command Create()
    {
        var input = new Option<string>("--input") { Description = "CoNLL-U file or folder (or FOLDER#split with a SPLIT.tsv).", Required = true };
        var output = new Option<string>("--output") { Description = "Folder to write the predicted CoNLL-U files into.", Required = true };
        var format = CommonOptions.Format();
        var cmd = new Command("coref", "Predict coreference into CoNLL-U (CorefUD Entity= column) for the CorefUD scorer.") { input, output, format };
        cmd.SetAction((parse, ct) => Task.FromResult(CliRunner.Guard("coref", () =>
        {
            var inPath = parse.GetValue(input)!;
            var outDir = parse.GetValue(output)!;
            var docs = CorefEvalTask.Load(inPath);
            // As `hearsay eval coref` in the same mode (HEARSAY_ACCURATE=1: the encoder and the contextual ranker).
            bool accurate = Analysis.NlpMode.Accurate;
            var stages = CorefEvalTask.LoadStages(accurate);
            var resolver = new CoreferenceResolver(CorefEvalTask.CorpusOptionsFor(accurate));
            try
            {
                Directory.CreateDirectory(outDir);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException($"--output '{outDir}': cannot create the folder ({e.Message}).", e);
            }

            int words = 0, entities = 0;
            foreach (var d in docs)
            {
                ct.ThrowIfCancellationRequested();
                var (prediction, _) = CorefEvalTask.Resolve(d, stages, resolver, ct);
                var clusters = new List<(IReadOnlyList<Hearsay.Core.Documents.TokenRange>, string)>();
                for (int c = 0; c < prediction.Clusters.Count; c++)
                {
                    clusters.Add((prediction.Clusters[c], CorefConlluWriter.TypeName(prediction.ClusterLabels[c])));
                }

                var path = Path.Combine(outDir, d.Name + ".conllu");
                using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
                CorefConlluWriter.Write(writer, d.Sentences, clusters);
                words += d.Document.Tokens.Length;
                entities += prediction.Clusters.Count(c => c.Count > 1);
            }

            if (parse.GetValue(format) == OutputFormat.Text)
            {
                Console.Out.WriteLine($"{inPath}: {docs.Count} documents, {words} words, {entities} entities with 2+ mentions -> {outDir}");
            }
            else
            {
                Console.Out.WriteLine(JsonSerializer.Serialize(new { input = inPath, output = outDir, documents = docs.Count, words, entities }, HearsayJson.Options));
            }

            return ExitCodes.Ok;
        })));
        return cmd;
    }
}
