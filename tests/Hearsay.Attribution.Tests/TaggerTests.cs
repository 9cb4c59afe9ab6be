using Hearsay.Attribution.Tagging;

namespace Hearsay.Attribution.Tests;

public class TaggerTests
{
    private static LabeledSentence S(string text, string labels) =>
        new("t", text.Split(' '), null, labels.Split(' ').Select(l => BioLabels.Parse(l)!.Value).ToArray());

    private static List<LabeledSentence> Toy()
    {
        var data = new List<LabeledSentence>();
        string[] names = ["Ann", "Bob", "Cy", "Dee", "Eve", "Fay"];
        string[] verbs = ["said", "claimed", "insisted"];
        foreach (var n in names)
        {
            foreach (var v in verbs)
            {
                data.Add(S($"{n} {v} the deal was off .", "B-source B-cue B-content I-content I-content I-content O"));
                data.Add(S($"The deal was off , {n} {v} .", "B-content I-content I-content I-content O B-source B-cue O"));
                data.Add(S($"{n} ate the cake .", "O O O O O"));
            }
        }

        return data;
    }

    [Fact]
    public void LearnsToySentences_AndSurvivesSaveLoad()
    {
        var log = new StringWriter();
        var tagger = new TaggerTrainer { Epochs = 5, Seed = 3, MinFeatureCount = 1 }.Train(Toy(), Toy(), log);
        var words = "Gil claimed the deal was off .".Split(' ');
        var labels = tagger.Predict(words).Select(BioLabels.Name).ToArray();
        labels.ShouldBe(["B-source", "B-cue", "B-content", "I-content", "I-content", "I-content", "O"]);
        log.ToString().ShouldContain("seed 3");

        var path = Path.Combine(Path.GetTempPath(), $"hearsay-attr-{Environment.ProcessId}.bin.gz");
        try
        {
            tagger.Save(path, 0.0001f);
            AttributionTagger.Load(path).Predict(words).ShouldBe(tagger.Predict(words));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadRejectsAFileThatIsNotAModel()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hearsay-attr-bad-{Environment.ProcessId}.bin.gz");
        File.WriteAllText(path, "not a model");
        try
        {
            Should.Throw<InvalidDataException>(() => AttributionTagger.Load(path)).Message.ShouldContain(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void NeverEmitsInsideAfterADifferentRole()
    {
        var tagger = AttributionModel.Default;
        var labels = tagger.Predict("“ We are not leaving , ” the governor told reporters on Monday , according to aides .".Split(' '));
        for (int i = 0; i < labels.Length; i++)
        {
            BioLabels.Allowed(i == 0 ? 0 : labels[i - 1], labels[i]).ShouldBeTrue();
        }
    }
}
