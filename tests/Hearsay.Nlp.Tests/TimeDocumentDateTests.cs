using Hearsay.Core.Documents;
using Hearsay.Nlp.Time;

namespace Hearsay.Nlp.Tests;

public class TimeDocumentDateTests
{
    [Fact]
    public void MetadataDateIsKeptWithItsOrigin()
    {
        var doc = new Document("He spoke on Sunday.", new DocumentMetadata { Published = new DateOnly(2021, 9, 13), PublishedOrigin = "given" });
        new DocumentDateEstimator().Process(doc, CancellationToken.None);
        doc.Metadata.Published.ShouldBe(new DateOnly(2021, 9, 13));
        doc.Metadata.PublishedOrigin.ShouldBe("given");
    }

    [Fact]
    public void MetadataWithoutOriginIsMarkedMetadata()
    {
        var doc = new Document("Text.", new DocumentMetadata { Published = new DateOnly(2020, 1, 2) });
        var estimate = new DocumentDateEstimator().Predict(doc, CancellationToken.None);
        estimate.Origin.ShouldBe("metadata");
        estimate.Confidence.ShouldBe(1.0);
    }

    [Fact]
    public void DatelineGivesTheDateWithHighConfidenceWhenItsWeekdayMatches()
    {
        var doc = new Document("KABUL, Monday, September 13, 2021 (Reuters) - The resistance said on Sunday it still held the valley.");
        new DocumentDateEstimator().Process(doc, CancellationToken.None);
        doc.Metadata.Published.ShouldBe(new DateOnly(2021, 9, 13));
        doc.Metadata.PublishedOrigin.ShouldBe("text");
        doc.Has(Layers.DocumentDate).ShouldBeTrue();
        new DocumentDateEstimator().Estimate(doc.Text).Confidence.ShouldBeGreaterThan(0.9);
    }

    [Fact]
    public void DatelineWithAWrongWeekdayIsDoubted()
    {
        var estimate = new DocumentDateEstimator().Estimate("Friday, September 13, 2021 - Officials met.");
        estimate.Date.ShouldBe(new DateOnly(2021, 9, 13));
        estimate.Confidence.ShouldBeLessThan(0.6);
    }

    [Fact]
    public void BodyDateNextToRelativeExpressionsIsNotTakenForThePublicationDate()
    {
        var text = new string('x', 400) + "\nLast week the group marked the attacks of September 11, 2001.";
        var doc = new Document(text);
        new DocumentDateEstimator().Process(doc, CancellationToken.None);
        doc.Metadata.Published.ShouldBeNull();
        doc.Metadata.PublishedOrigin.ShouldBeNull();
        doc.Has(Layers.DocumentDate).ShouldBeFalse();
    }

    [Fact]
    public void LatestBodyDateIsALowConfidenceGuessWhenNothingDependsOnIt()
    {
        var text = new string('x', 400) + "\nThe treaty was signed on March 3, 1999 and ratified on June 1, 1999.";
        var estimate = new DocumentDateEstimator().Estimate(text);
        estimate.Date.ShouldBe(new DateOnly(1999, 6, 1));
        estimate.Confidence.ShouldBeLessThan(0.5);
    }
}
