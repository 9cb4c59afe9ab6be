using Hearsay.Attribution.Tagging;

namespace Hearsay.Attribution.Tests;

public class ContentBoundaryRankerTests
{
    private const int L = BioLabels.Count;
    private static readonly int Source = BioLabels.Begin(AttributionRole.Source);
    private static readonly int Cue = BioLabels.Begin(AttributionRole.Cue);
    private static readonly int B = BioLabels.Begin(AttributionRole.Content);
    private static readonly int I = BioLabels.Inside(AttributionRole.Content);

    private static readonly string[][] Contents =
    [
        ["taxes", "will", "rise"],
        ["the", "plan", "failed"],
        ["prices", "fell", "sharply"],
        ["voters", "were", "angry"],
        ["the", "bill", "passed"],
        ["turnout", "was", "low"],
    ];

    /// <summary>"NAME said that CONTENT ." with gold content after "that" and the tagger's content taking "that" in.</summary>
    private static (LabeledSentence Unit, int[] Predicted) SaidThat(string name, string[] content)
    {
        string[] words = [name, "said", "that", .. content, "."];
        var gold = new int[words.Length];
        gold[0] = Source;
        gold[1] = Cue;
        gold[3] = B;
        for (int i = 4; i < 3 + content.Length; i++)
        {
            gold[i] = I;
        }

        var predicted = (int[])gold.Clone();
        predicted[2] = B;
        predicted[3] = I;
        return (new LabeledSentence(name, words, null, gold), predicted);
    }

    private static TagLattice Flat(int n) => new(new float[n * L], new float[(L + 1) * L]);

    [Fact]
    public void LearnsTheEdgeTheTaggerKeepsMissing_AndMovesItOnUnseenWords()
    {
        var units = new List<LabeledSentence>();
        var folds = new List<(int[], TagLattice)>();
        string[] names = ["He", "She", "Smith", "Jones", "Officials"];
        foreach (var name in names)
        {
            foreach (var content in Contents)
            {
                var (unit, predicted) = SaidThat(name, content);
                units.Add(unit);
                folds.Add((predicted, Flat(unit.Tokens.Length)));
            }
        }

        var ranker = ContentBoundaryRanker.Train(units, folds, 5, 13, TextWriter.Null);

        var (test, labels) = SaidThat("Brown", ["rates", "stay", "put"]);
        ranker.Apply(test.Tokens, null, null, null, labels, Flat(test.Tokens.Length));
        labels.ShouldBe(test.Labels);
    }

    [Fact]
    public void CandidateEdgesNeverReachIntoASourceOrCue()
    {
        // src cue O [content content] O O
        int[] labels = [Source, Cue, 0, B, I, 0, 0];
        ContentBoundaryRanker.StartRange(labels, 3, 5).ShouldBe((2, 4));
        ContentBoundaryRanker.EndRange(labels, 3, 5).ShouldBe((4, 7));
    }

    [Fact]
    public void RelabellingRestartsAFollowingSpan()
    {
        int[] labels = [0, B, I, 0, I, I];
        ContentBoundaryRanker.Relabel(labels, 1, 3, 1, 4);
        labels.ShouldBe([0, B, I, I, B, I]);
    }

    [Fact]
    public void TheTaggersOwnSpanCostsNothing_AnotherCostsTheScoreItGivesUp()
    {
        // Three tokens; the emissions favour content on tokens 1-2 (B then I) and O on token 0.
        var e = new float[3 * L];
        e[(0 * L) + 0] = 5;
        e[(1 * L) + B] = 4;
        e[(2 * L) + I] = 3;
        var cost = new ContentSpanCost(new TagLattice(e, new float[(L + 1) * L]), 3);
        cost.Cost(1, 3).ShouldBe(0f);

        // Content on token 1 alone: token 2 takes its best non-content label (0 points) instead of 3.
        cost.Cost(1, 2).ShouldBe(3f);

        // Content over all three: token 0 gives up 5 (B scores 0), token 1 gives up 4 (I scores 0), token 2 keeps 3.
        cost.Cost(0, 3).ShouldBe(9f);
    }

    [Fact]
    public void TrainerAttachesTheRanker_AndTheModelFileKeepsIt()
    {
        var units = new List<LabeledSentence>();
        string[] names = ["He", "She", "Smith", "Jones"];
        foreach (var name in names)
        {
            foreach (var content in Contents)
            {
                units.Add(SaidThat(name, content).Unit);
            }
        }

        var tagger = new TaggerTrainer { Epochs = 2, MinFeatureCount = 1, ContentBoundaries = true, RankerEpochs = 2 }.Train(units, null, TextWriter.Null);
        tagger.Ranker.ShouldNotBeNull();

        var path = Path.Combine(Path.GetTempPath(), $"hearsay-ranker-{Guid.NewGuid():N}.bin.gz");
        try
        {
            tagger.Save(path, 0f);
            var loaded = AttributionTagger.Load(path);
            loaded.Ranker.ShouldNotBeNull();
            loaded.Predict(units[0].Tokens).ShouldBe(tagger.Predict(units[0].Tokens));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
