using System.Text.Json;
using Hearsay.Core.Documents;
using Hearsay.Nlp.Coreference;

namespace Hearsay.Cli.Tests;

/// <summary>
/// `hearsay coref` writes the Entity= column the CorefUD scorer reads; read back, its clusters have to score as
/// `hearsay eval coref` does on the same documents (CoNLL f1, MUC, B3, CEAF-e).
/// </summary>
[Collection("cli")]
public class CorefCommandTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Coref_OutputScoresAsTheEvaluationDoes(bool accurate)
    {
        // The mode flows into the in-process CLI run (NlpMode.Force is scoped to this flow of execution).
        using var mode = Hearsay.Cli.Analysis.NlpMode.Force(accurate);
        var gum = Path.Combine(TestPaths.Shared, "corpora", "gum");
        var dir = Directory.CreateTempSubdirectory("hearsay-coref-");
        try
        {
            // GUM text stays out of the repository: three dev documents (SPLIT.tsv), copied at test time. The first
            // once had a mention end where the next of its entity starts (brackets once written open-then-close), the
            // second a span predicted in two clusters (once written twice); the third is news.
            var input = Directory.CreateDirectory(Path.Combine(dir.FullName, "in")).FullName;
            string[] chosen = ["GUM_academic_exposure", "GUM_court_negligence", "GUM_news_iodine"];
            var dev = File.ReadLines(Path.Combine(gum, "SPLIT.tsv")).Select(l => l.Split('\t')).Where(f => f.Length == 2 && f[1] == "dev").Select(f => f[0]);
            var names = dev.Where(chosen.Contains).ToList();
            names.Count.ShouldBe(chosen.Length);
            foreach (var name in names)
            {
                File.Copy(Path.Combine(gum, "dep", name + ".conllu"), Path.Combine(input, name + ".conllu"));
            }

            var output = Path.Combine(dir.FullName, "out");
            var (exit, _, err) = await CliRun.Invoke("coref", "--input", input, "--output", output);
            exit.ShouldBe(0, err);
            var (evalExit, evalOut, evalErr) = await CliRun.Invoke("eval", "coref", "--data", input, "--json");
            evalExit.ShouldBe(0, evalErr);

            var gold = CorefConlluReader.Read(input);
            var predicted = CorefConlluReader.Read(output).ToDictionary(d => d.Name, StringComparer.Ordinal);
            predicted.Count.ShouldBe(gold.Count);
            var scorer = new CorefScorer(singletons: false);
            foreach (var d in gold)
            {
                scorer.Add(Clusters(d), Clusters(predicted[d.Name]));
            }

            using var report = JsonDocument.Parse(evalOut);
            var expected = report.RootElement;
            Math.Round(scorer.ConllF1, 4).ShouldBe(expected.GetProperty("f1").GetDouble(), 1e-9, "f1");
            foreach (var (key, metric) in new[] { ("muc", scorer.Muc), ("b3", scorer.B3), ("ceafe", scorer.CeafE) })
            {
                Math.Round(metric.F1, 4).ShouldBe(expected.GetProperty(key).GetProperty("f1").GetDouble(), 1e-9, key);
            }
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static List<IReadOnlyList<TokenRange>> Clusters(CorefDocument d) => [.. d.GoldClusters()];

    [Fact]
    public void Resolver_GivesEverySpanToOneMentionOnly()
    {
        // The learned phrase boundary once grew "the type" onto "the type of L2 training", a span detected as a mention
        // of its own, and the two landed in two entities (about 30 spans over GUM dev; these dev documents had them).
        var gum = Path.Combine(TestPaths.Shared, "corpora", "gum", "dep");
        var stages = Hearsay.Cli.Eval.CorefEvalTask.LoadStages();
        var resolver = new CoreferenceResolver(Hearsay.Cli.Eval.CorefEvalTask.CorpusOptions);
        foreach (var name in new[] { "GUM_academic_exposure", "GUM_court_negligence", "GUM_news_iodine" })
        {
            var doc = Hearsay.Cli.Eval.CorefEvalTask.Load(Path.Combine(gum, name + ".conllu")).ShouldHaveSingleItem();
            var (prediction, _) = Hearsay.Cli.Eval.CorefEvalTask.Resolve(doc, stages, resolver, CancellationToken.None);
            var seen = new HashSet<TokenRange>();
            foreach (var cluster in prediction.Clusters)
            {
                foreach (var span in cluster)
                {
                    seen.Add(span).ShouldBeTrue($"{name}: span {span} is in two mentions");
                }
            }
        }
    }
}
