using System.Text.Json;
using Hearsay.Core.Documents;
using Hearsay.Nlp.Entities;

namespace Hearsay.Cli.Tests;

/// <summary>
/// `hearsay ner` writes FORM GOLD PRED lines for conlleval; its predictions have to score as `hearsay eval ner` does on
/// the same sentences (micro f1 and per type).
/// </summary>
[Collection("cli")]
public class NerCommandTests
{
    [Fact]
    public async Task Ner_OutputScoresAsTheEvaluationDoes()
    {
        var source = Path.Combine(TestPaths.Shared, "corpora", "uner-en", "en_ewt-ud-dev.iob2");
        var dir = Directory.CreateTempSubdirectory("hearsay-ner-");
        try
        {
            // UNER text stays out of the repository: the first 300 sentences of the shared dev file, copied at test time.
            var input = Path.Combine(dir.FullName, "in.iob2");
            File.WriteAllLines(input, ParseCommandTests.FirstSentences(source, 300));
            var output = Path.Combine(dir.FullName, "out.iob2");

            var (exit, _, err) = await CliRun.Invoke("ner", "--input", input, "--output", output);
            exit.ShouldBe(0, err);
            var (evalExit, evalOut, evalErr) = await CliRun.Invoke("eval", "ner", "--data", input, "--json");
            evalExit.ShouldBe(0, evalErr);

            var gold = IobReader.ReadFile(input);
            var predicted = PredictedColumn(output);
            predicted.Count.ShouldBe(gold.Count);
            var scored = new HashSet<EntityLabel> { EntityLabel.Person, EntityLabel.Org, EntityLabel.Loc };
            var score = new NerScore();
            for (int i = 0; i < gold.Count; i++)
            {
                predicted[i].Words.ShouldBe(gold[i].Words);
                score.Add(gold[i].Spans, IobReader.Decode(predicted[i].Tags), scored);
            }

            using var report = JsonDocument.Parse(evalOut);
            report.RootElement.GetProperty("f1").GetDouble().ShouldBe(Math.Round(score.Micro.F1, 4), 1e-9);
            foreach (var label in scored)
            {
                var name = label switch { EntityLabel.Person => "PER", EntityLabel.Org => "ORG", _ => "LOC" };
                var expected = report.RootElement.GetProperty("perType").GetProperty(name).GetProperty("f1").GetDouble();
                Math.Round(score.PerType.GetValueOrDefault(label).F1, 4).ShouldBe(expected, 1e-9, name);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The verb's sentences as conlleval reads them: the form is the first column, the prediction the last.</summary>
    private static List<(string[] Words, string[] Tags)> PredictedColumn(string path)
    {
        var result = new List<(string[], string[])>();
        var words = new List<string>();
        var tags = new List<string>();
        foreach (var line in File.ReadLines(path).Append(""))
        {
            if (line.Length == 0)
            {
                if (words.Count > 0)
                {
                    result.Add(([.. words], [.. tags]));
                    words.Clear();
                    tags.Clear();
                }

                continue;
            }

            var fields = line.Split(' ');
            fields.Length.ShouldBe(3, line);
            words.Add(fields[0]);
            tags.Add(fields[^1]);
        }

        return result;
    }
}
