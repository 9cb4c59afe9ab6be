using Hearsay.Attribution.Tagging;

namespace Hearsay.Attribution.Tests;

public class BioLabelsTests
{
    [Fact]
    public void ReadsSpansPerRole_AStrayInsideStartsASpan()
    {
        int[] labels = [1, 2, 3, 5, 6, 6, 0, 6, 5];
        BioLabels.Spans(labels, AttributionRole.Source).ShouldBe([(0, 2)]);
        BioLabels.Spans(labels, AttributionRole.Cue).ShouldBe([(2, 3)]);
        BioLabels.Spans(labels, AttributionRole.Content).ShouldBe([(3, 6), (7, 8), (8, 9)]);
    }

    [Fact]
    public void InsideOnlyContinuesItsOwnRole()
    {
        BioLabels.Allowed(BioLabels.Begin(AttributionRole.Cue), BioLabels.Inside(AttributionRole.Cue)).ShouldBeTrue();
        BioLabels.Allowed(BioLabels.Begin(AttributionRole.Cue), BioLabels.Inside(AttributionRole.Content)).ShouldBeFalse();
        BioLabels.Allowed(BioLabels.Outside, BioLabels.Inside(AttributionRole.Source)).ShouldBeFalse();
        BioLabels.Parse("I-content").ShouldBe(BioLabels.Inside(AttributionRole.Content));
        BioLabels.Parse("X-nothing").ShouldBeNull();
    }
}
