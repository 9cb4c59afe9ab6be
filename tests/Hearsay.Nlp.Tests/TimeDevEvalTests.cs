using Hearsay.Nlp.Time;

namespace Hearsay.Nlp.Tests;

/// <summary>TempEval-3 dev (AQUAINT part of TBAQ-cleaned): the targets must hold.</summary>
public class TimeDevEvalTests
{
    [Fact]
    public void AquaintMeetsTheTargets()
    {
        var dir = Path.Combine(SharedData.Root, "corpora", "tempeval3", "TBAQ-cleaned", "AQUAINT");
        var recognizer = new TimexRecognizer();
        var scorer = new TimexScorer();
        int files = 0;
        foreach (var file in Directory.GetFiles(dir, "*.tml").Order(StringComparer.Ordinal))
        {
            var doc = TimeMlDocument.Parse(File.ReadAllText(file), Path.GetFileName(file));
            scorer.Add(doc.Name, doc.Text, doc.Gold, recognizer.Recognize(doc.Text, doc.CreationTime));
            files++;
        }

        files.ShouldBe(73);
        scorer.Gold.ShouldBe(579);
        scorer.StrictCounts.F1.ShouldBeGreaterThanOrEqualTo(0.85);
        scorer.ValueF1.ShouldBeGreaterThanOrEqualTo(0.75);
    }
}
