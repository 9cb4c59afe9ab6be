using System.Text.Json;
using Hearsay.Attribution.Corpus;
using Hearsay.Attribution.Evaluation;
using Hearsay.Attribution.Tagging;

namespace Hearsay.Cli.Tests;

/// <summary>
/// The predict-only verb must label exactly as the evaluation scores: a scorer run on its output has to reproduce
/// `hearsay eval attribution` (it once fed the shipped model no dependencies, which the model was trained with).
/// </summary>
[Collection("cli")]
public class AttributeCommandTests
{
    [Fact]
    public async Task Attribute_OutputScoresAsTheEvaluationDoes()
    {
        var source = Path.Combine(TestPaths.Shared, "corpora", "polnear", "sentences", "valid.txt");
        var dir = Directory.CreateTempSubdirectory("hearsay-attribute-");
        try
        {
            // PolNeAR text stays out of the repository: a slice of the shared dev file, copied at test time.
            var input = Path.Combine(dir.FullName, "in.jsonl");
            File.WriteAllLines(input, File.ReadLines(source).Take(400));
            var output = Path.Combine(dir.FullName, "out.jsonl");

            var (exit, _, err) = await CliRun.Invoke("attribute", "--input", input, "--output", output, "--format", "json");
            exit.ShouldBe(0, err);
            var (evalExit, evalOut, evalErr) = await CliRun.Invoke("eval", "attribution", "--data", input, "--json");
            evalExit.ShouldBe(0, evalErr);

            var gold = SentenceJsonLines.Read(input);
            var predicted = SentenceJsonLines.Read(output);
            predicted.Count.ShouldBe(gold.Count);
            var scores = new SpanScores();
            for (int i = 0; i < gold.Count; i++)
            {
                scores.Add(gold[i].Labels, predicted[i].Labels);
            }

            using var report = JsonDocument.Parse(evalOut);
            foreach (var role in Enum.GetValues<AttributionRole>())
            {
                var name = role.ToString().ToLowerInvariant();
                var expected = report.RootElement.GetProperty(name).GetProperty("exact").GetProperty("f1").GetDouble();
                scores.Exact(role).F1.ShouldBe(expected, 1e-3, name);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
