using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;

namespace Hearsay.Attribution.Tests;

public class AttributionExtractorTests
{
    [Fact]
    public void DeclaresOnlyTokensAndSentences()
    {
        var stage = new AttributionExtractor();
        stage.Requires.ShouldBe(Layers.Tokens | Layers.Sentences);
        stage.Provides.ShouldBe(Layers.Attributions);
        stage.Version.ShouldStartWith("attribution/");
        Should.Throw<PipelineValidationException>(() => DocumentPipeline.Build([stage]));
    }

    [Fact]
    public void EmptyTextGivesNoAttributions()
    {
        var doc = TestDocuments.Tokenized("");
        new AttributionExtractor().Process(doc, CancellationToken.None);
        doc.Has(Layers.Attributions).ShouldBeTrue();
        doc.Attributions.ShouldBeEmpty();
    }

    [Fact]
    public void FindsAReportedStatement_WithNegatedPolarity_AndSpansInTheText()
    {
        var doc = TestDocuments.Tokenized("The governor said on Monday that the bridge would not reopen this year.");
        new AttributionExtractor().Process(doc, CancellationToken.None);
        var a = doc.Attributions.ShouldHaveSingleItem();
        doc.Slice(a.Source.Range).ShouldBe("The governor");
        doc.Slice(a.Cue).ShouldContain("said");
        string.Join(" ", a.Content.Select(doc.Slice)).ShouldContain("the bridge would not reopen this year");
        a.Polarity.ShouldBe(ContentPolarity.Negated);
        a.Form.ShouldBe(AttributionForm.Indirect);
    }

    [Fact]
    public void UsesEntitiesWhenPresent_ButRunsWithout()
    {
        const string text = "Harbor Daily reported that the ferry sank. It said no one was hurt.";
        var plain = TestDocuments.Tokenized(text);
        new AttributionExtractor().Process(plain, CancellationToken.None);
        plain.Attributions.ShouldNotBeEmpty();
        plain.Attributions.ShouldAllBe(a => a.Source.Entity == null);

        var rich = TestDocuments.WithEntities(text, ("Harbor Daily", "Harbor Daily", EntityLabel.Org, MentionKind.Name));
        new AttributionExtractor().Process(rich, CancellationToken.None);
        var it = rich.Attributions.Single(a => rich.Slice(a.Source.Range) == "It");
        it.Source.Entity.ShouldNotBeNull().Name.ShouldBe("Harbor Daily");
    }
}
