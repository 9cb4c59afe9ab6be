using Hearsay.Attribution.Rules;
using Hearsay.Attribution.Tagging;
using Hearsay.Core.Documents;

namespace Hearsay.Attribution.Tests;

public class ClauseRepairTests
{
    private static AttributionGroup Group(Document doc, string source, string cue, string content)
    {
        var g = new AttributionGroup(new TaggedSpan(AttributionRole.Cue, 0, doc.TokenRangeOf(TestDocuments.Find(doc, cue))))
        {
            Source = new TaggedSpan(AttributionRole.Source, 0, doc.TokenRangeOf(TestDocuments.Find(doc, source))),
        };
        g.Content.Add(new TaggedSpan(AttributionRole.Content, 0, doc.TokenRangeOf(TestDocuments.Find(doc, content))));
        return g;
    }

    [Fact]
    public void ADirectiveParticipleAfterACommunicationActIsACueWithTheActsSource()
    {
        var doc = TestDocuments.Tokenized("The minister sent a letter to the unions, imploring them to end the strike.");
        var groups = new List<AttributionGroup> { Group(doc, "The minister", "sent", "a letter to the unions, imploring them") };
        ClauseRepair.Repair(doc, groups);

        groups.Count.ShouldBe(2);
        var added = groups.Single(g => doc.Slice(doc.CharRangeOf(g.Cue.Tokens)) == "imploring");
        doc.Slice(doc.CharRangeOf(added.Source!.Value.Tokens)).ShouldBe("The minister");
        doc.Slice(doc.CharRangeOf(added.Content.Single().Tokens)).ShouldBe("them to end the strike");

        // The act keeps only what precedes the participle.
        var act = groups.Single(g => g != added);
        doc.Slice(doc.CharRangeOf(act.Content.Single().Tokens)).ShouldBe("a letter to the unions");
    }

    [Fact]
    public void AParticipleThatReportsNothingIsNoCue()
    {
        var doc = TestDocuments.Tokenized("The minister sent a letter to the unions, leaving the capital for the coast.");
        var groups = new List<AttributionGroup> { Group(doc, "The minister", "sent", "a letter to the unions") };
        ClauseRepair.Repair(doc, groups);
        groups.Count.ShouldBe(1);
    }

    [Fact]
    public void ASourceThatCutsANameGrowsToTheWholeName()
    {
        var doc = TestDocuments.WithEntities(
            "Zahir Aghbar, the ambassador, also claimed that the talks failed.",
            ("Zahir Aghbar", "Zahir Aghbar", EntityLabel.Person, MentionKind.Name));
        var groups = new List<AttributionGroup> { Group(doc, "Zahir", "claimed", "the talks failed") };
        ClauseRepair.Repair(doc, groups);
        doc.Slice(doc.CharRangeOf(groups[0].Source!.Value.Tokens)).ShouldBe("Zahir Aghbar");
    }

    [Fact]
    public void ADefinitePluralDescriptionResolvesToTheGroupInPlay_NotTheOutletReportingIt()
    {
        var doc = TestDocuments.WithEntities(
            "The Taliban captured the valley, Al-Arabiya reported, and Al-Arabiya added that the Taliban were advancing, Al-Arabiya wrote. Later the militants said they had won.",
            ("Taliban", "Taliban", EntityLabel.Org, MentionKind.Name),
            ("Al-Arabiya", "Al-Arabiya News", EntityLabel.Org, MentionKind.Name));
        var source = TestDocuments.Find(doc, "the militants");
        var entity = SourceResolver.Resolve(doc, source, [TestDocuments.Find(doc, "they had won")], []);
        entity.ShouldNotBeNull().CanonicalName.ShouldBe("Taliban");
    }
}
