using Hearsay.Attribution.Tagging;

namespace Hearsay.Attribution.Tests;

public class ContentSpanFilterTests
{
    private const int L = BioLabels.Count;
    private static readonly int Source = BioLabels.Begin(AttributionRole.Source);
    private static readonly int Cue = BioLabels.Begin(AttributionRole.Cue);
    private static readonly int B = BioLabels.Begin(AttributionRole.Content);
    private static readonly int I = BioLabels.Inside(AttributionRole.Content);

    private static TagLattice Flat(int n) => new(new float[n * L], new float[(L + 1) * L]);

    /// <summary>Spans whose ranker lead (input 3) is high are exact and overlap gold; low ones are neither.</summary>
    private static ContentSpanFilter TrainOnRankerLead()
    {
        var xs = new List<float[]>();
        var exact = new List<bool>();
        var overlap = new List<bool>();
        for (int i = 0; i < 200; i++)
        {
            bool good = i % 2 == 0;
            var x = new float[ContentSpanFilter.Inputs];
            x[3] = good ? 5 + (i % 7) : i % 3;
            x[2] = i % 5;
            xs.Add(x);
            exact.Add(good);
            overlap.Add(good);
        }

        return ContentSpanFilter.Train(xs, exact, overlap, 200, TextWriter.Null);
    }

    [Fact]
    public void LearnsWhichSpansAreExact_AndDropsOnlyWhenBothProbabilitiesAreLow()
    {
        var filter = TrainOnRankerLead();
        var sure = new float[ContentSpanFilter.Inputs];
        sure[3] = 8;
        var doubtful = new float[ContentSpanFilter.Inputs];
        doubtful[3] = 1;
        filter.Probability(sure).Exact.ShouldBeGreaterThan(0.8f);
        filter.Probability(doubtful).Exact.ShouldBeLessThan(0.2f);
        filter.Drops(filter.Probability(sure)).ShouldBeFalse();
        filter.Drops(filter.Probability(doubtful)).ShouldBeTrue();
        new ContentSpanFilter.Thresholds(0.5f, 0.5f).Drops((0.1f, 0.9f)).ShouldBeFalse();
    }

    [Fact]
    public void DroppingASpanLeavesSourceAndCue_AndRestartsAFollowingSpan()
    {
        var filter = TrainOnRankerLead();
        filter.ExactThreshold = 1;
        filter.OverlapThreshold = 1;
        string[] words = ["He", "said", "it", "rained", "more"];
        int[] labels = [Source, Cue, B, I, I];
        filter.Apply(words, labels, Flat(words.Length), [(2, 4, 0f)], new CueLexicon([]));
        labels.ShouldBe([Source, Cue, 0, 0, 0]);

        int[] touching = [B, I, I, 0];
        var spans = ContentSpanFilter.Spans(["a", "b", "c", "d"], touching, Flat(4), [], new CueLexicon([]));
        spans.Count.ShouldBe(1);
    }

    [Fact]
    public void ThresholdsDropSpansThatAreNeitherExactNorContent_ButNoneWhenDroppingCostsOverlap()
    {
        // Ten exact spans with high probabilities, ten doubtful ones that touch no gold span.
        var spans = new List<ContentSpanFilter.ScoredSpan>();
        for (int i = 0; i < 10; i++)
        {
            spans.Add(new((0.9f, 0.95f), true, [i]));
            spans.Add(new((0.05f, 0.1f), false, []));
        }

        var chosen = ContentSpanFilter.ChooseThresholds(spans, 12, TextWriter.Null);
        new ContentSpanFilter.Thresholds(chosen.Exact, chosen.Overlap).Drops((0.05f, 0.1f)).ShouldBeTrue();
        new ContentSpanFilter.Thresholds(chosen.Exact, chosen.Overlap).Drops((0.9f, 0.95f)).ShouldBeFalse();

        // Doubtful spans that are each the only one overlapping a gold span: dropping any lowers overlap recall.
        for (int i = 0; i < 10; i++)
        {
            spans[(2 * i) + 1] = new((0.05f, 0.1f), false, [10 + i]);
        }

        ContentSpanFilter.ChooseThresholds(spans, 20, TextWriter.Null).ShouldBe((0f, 0f));
    }

    [Fact]
    public void ZeroThresholdsKeepEverySpan()
    {
        var filter = TrainOnRankerLead();
        filter.ExactThreshold = 0;
        filter.OverlapThreshold = 0;
        string[] words = ["He", "said", "it", "rained"];
        int[] labels = [Source, Cue, B, I];
        filter.Apply(words, labels, Flat(words.Length), [(2, 4, 0f)], new CueLexicon([]));
        labels.ShouldBe([Source, Cue, B, I]);
    }

    [Fact]
    public void WrittenFilterReadsBackTheSame()
    {
        var filter = TrainOnRankerLead();
        filter.ExactThreshold = 0.1f;
        filter.OverlapThreshold = 0.75f;
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            filter.Write(w);
        }

        stream.Position = 0;
        using var r = new BinaryReader(stream);
        var read = ContentSpanFilter.Read(r);
        var x = new float[ContentSpanFilter.Inputs];
        x[3] = 2;
        read.Probability(x).ShouldBe(filter.Probability(x));
        read.ExactThreshold.ShouldBe(0.1f);
        read.OverlapThreshold.ShouldBe(0.75f);
    }

    [Fact]
    public void ContentMarginIsWhatTheBestLabellingLosesWithoutContentThere()
    {
        var lattice = Flat(3);
        lattice.Emissions[(1 * L) + B] = 5;
        float best = lattice.BestScore();
        best.ShouldBe(5);
        lattice.Margin(AttributionRole.Content, 1, 2, best).ShouldBe(5);
        lattice.Margin(AttributionRole.Content, 0, 1, best).ShouldBe(0);
    }

    [Fact]
    public void ThresholdUnitsAreHeldOutByWholeDocumentsDeterministically()
    {
        // Three units per document, two annotators' versions of doc7: a document never falls on both sides.
        var units = new List<LabeledSentence>();
        for (int d = 0; d < 20; d++)
        {
            for (int k = 0; k < 3; k++)
            {
                units.Add(new LabeledSentence($"doc{d}_ann", ["w"], null, [0]));
            }
        }

        units.Add(new LabeledSentence("doc7_other", ["w"], null, [0]));
        var (fit, held) = TaggerTrainer.SplitDocuments(units, 0.2, 13);
        (fit.Count + held.Count).ShouldBe(units.Count);
        var heldDocuments = held.Select(u => u.Id.Split('_')[0]).Distinct().ToList();
        heldDocuments.Count.ShouldBe(4);
        fit.ShouldAllBe(u => !heldDocuments.Contains(u.Id.Split('_')[0]));
        TaggerTrainer.SplitDocuments(units, 0.2, 13).Held.Select(u => u.Id).ShouldBe(held.Select(u => u.Id));
    }
}
