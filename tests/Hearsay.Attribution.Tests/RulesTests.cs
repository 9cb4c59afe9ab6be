using Hearsay.Attribution.Rules;
using Hearsay.Core.Documents;

namespace Hearsay.Attribution.Tests;

public class RulesTests
{
    [Theory]
    [InlineData("a source", SourceType.Anonymous)]
    [InlineData("senior officials", SourceType.Anonymous)]
    [InlineData("Allies", SourceType.Group)]
    [InlineData("the militants", SourceType.Group)]
    [InlineData("a video", SourceType.Document)]
    [InlineData("the report", SourceType.Document)]
    [InlineData("Iran’s Fars News Agency", SourceType.Media)]
    [InlineData("Maria Lopez", SourceType.Person)]
    [InlineData("she", SourceType.Person)]
    [InlineData("a spokesman for the ministry", SourceType.Person)]
    [InlineData("the ministry", SourceType.Organization)]
    public void TypesSourcesFromTheirWords(string span, SourceType expected)
    {
        var doc = TestDocuments.Tokenized(span + " said it.");
        SourceTyper.Type(doc, new CharRange(0, span.Length), null).ShouldBe(expected);
    }

    [Fact]
    public void AResolvedEntitySettlesTheType()
    {
        var doc = TestDocuments.Tokenized("it said so.");
        SourceTyper.Type(doc, new CharRange(0, 2), new Entity(0, "Harbor Daily News", EntityLabel.Org, [])).ShouldBe(SourceType.Media);
        SourceTyper.Type(doc, new CharRange(0, 2), new Entity(0, "Acme", EntityLabel.Org, [])).ShouldBe(SourceType.Organization);
    }

    [Theory]
    [InlineData("\"We will win the vote,\" she said.", "\"We will win the vote,\"", AttributionForm.Direct)]
    [InlineData("She said the plan was \"dead on arrival\" in the Senate.", "the plan was \"dead on arrival\" in the Senate", AttributionForm.Mixed)]
    [InlineData("She said the plan would fail.", "the plan would fail", AttributionForm.Indirect)]
    public void FormFollowsQuotationMarks(string text, string content, AttributionForm expected)
    {
        var doc = TestDocuments.Tokenized(text);
        ContentClassifier.Form(doc, [TestDocuments.Find(doc, content)]).ShouldBe(expected);
    }

    [Theory]
    [InlineData("the mayor has not resigned", ContentPolarity.Negated)]
    [InlineData("the mayor may resign soon", ContentPolarity.Hedged)]
    [InlineData("the mayor resigned on Friday", ContentPolarity.Affirmed)]
    [InlineData("the mayor is still in office and has not resigned", ContentPolarity.Mixed)]
    public void PolarityFromNegationAndHedgeCues(string content, ContentPolarity expected)
    {
        var doc = TestDocuments.Tokenized("Aides said " + content + ".");
        ContentClassifier.Polarity(doc, [TestDocuments.Find(doc, content)]).ShouldBe(expected);
    }

    [Theory]
    [InlineData("The minister denied that the port was closed.", "denied", "the port was closed", ContentPolarity.Negated)]
    [InlineData("The minister denied that the port was not closed.", "denied", "the port was not closed", ContentPolarity.Affirmed)]
    [InlineData("The rebels rejected the seizure of power.", "rejected", "the seizure of power", ContentPolarity.Negated)]
    [InlineData("The minister denied that the port may close.", "denied", "the port may close", ContentPolarity.Hedged)]
    [InlineData("The minister said that the port was closed.", "said", "the port was closed", ContentPolarity.Affirmed)]
    public void RejectionCuesTurnThePolarityOfWhatTheyReject(string text, string cue, string content, ContentPolarity expected)
    {
        var doc = TestDocuments.Tokenized(text);
        ContentClassifier.Polarity(doc, [TestDocuments.Find(doc, content)], TestDocuments.Find(doc, cue)).ShouldBe(expected);
    }

    [Fact]
    public void ChainListsNearestRelayFirst_OriginLast()
    {
        var doc = TestDocuments.Tokenized("The port is closed, the network reported, citing an official speaking to the Harbor Daily News.");
        var cue = doc.TokenRangeOf(TestDocuments.Find(doc, "reported"));
        var sentence = doc.Sentences[0].Tokens;
        var chain = ChainFinder.Find(doc, cue.End, sentence.End, [TestDocuments.Find(doc, "The port is closed")]);
        chain.Select(c => doc.Slice(c.Range)).ShouldBe(["the Harbor Daily News", "an official"]);
        chain.Select(c => doc.Slice(c.Cue)).ShouldBe(["speaking to", "citing"]);
    }

    [Fact]
    public void AccordingToGivesOneLink()
    {
        var doc = TestDocuments.Tokenized("Prices rose, the minister said, according to two aides.");
        var cue = doc.TokenRangeOf(TestDocuments.Find(doc, "said"));
        var chain = ChainFinder.Find(doc, cue.End, doc.Sentences[0].Tokens.End, []);
        chain.Select(c => doc.Slice(c.Range)).ShouldBe(["two aides"]);
    }

    [Fact]
    public void PronounsResolveToTheNearestCompatibleEntity_OutsideTheContent()
    {
        const string text = "The bridge is safe, Harbor Daily reported. The Port Authority will reopen it, it said.";
        var doc = TestDocuments.WithEntities(text,
            ("Harbor Daily", "Harbor Daily", EntityLabel.Org, MentionKind.Name),
            ("The Port Authority", "Port Authority", EntityLabel.Org, MentionKind.Name));
        var it = TestDocuments.Find(doc, "it said");
        var source = new CharRange(it.Start, it.Start + 2);
        var content = TestDocuments.Find(doc, "The Port Authority will reopen it");
        SourceResolver.Resolve(doc, source, [content], [])!.CanonicalName.ShouldBe("Harbor Daily");
    }

    [Fact]
    public void WhoResolvesToTheNameBeforeIt_HeToThePreviousSubject()
    {
        const string text = "Officials met Dana Reyes, a lawyer, and Omar Haddad, who has declared himself the winner. He said nothing else.";
        var doc = TestDocuments.WithEntities(text,
            ("Dana Reyes", "Dana Reyes", EntityLabel.Person, MentionKind.Name),
            ("Omar Haddad", "Omar Haddad", EntityLabel.Person, MentionKind.Name));
        var who = TestDocuments.Find(doc, "who");
        SourceResolver.Resolve(doc, who, [], [])!.CanonicalName.ShouldBe("Omar Haddad");
        var he = TestDocuments.Find(doc, "He");
        SourceResolver.Resolve(doc, he, [], [])!.CanonicalName.ShouldBe("Dana Reyes");
    }

    [Fact]
    public void NamesResolveThroughTheMentionTheyOverlap()
    {
        const string text = "Harbor-based Tide Radio said the ferry sank.";
        var doc = TestDocuments.WithEntities(text, ("Tide Radio", "Tide Radio", EntityLabel.Org, MentionKind.Name));
        SourceResolver.Resolve(doc, TestDocuments.Find(doc, "Harbor-based Tide Radio"), [], [])!.CanonicalName.ShouldBe("Tide Radio");
        SourceResolver.Resolve(TestDocuments.Tokenized(text), new CharRange(0, 23), [], []).ShouldBeNull();
    }

    [Fact]
    public void SubjectOfACueSkipsAnApposition()
    {
        var doc = TestDocuments.Tokenized("Lena Park, the former envoy to Chile, also claimed that talks failed.");
        var cue = doc.TokenRangeOf(TestDocuments.Find(doc, "claimed"));
        var subject = ClauseRepair.SubjectOf(doc, cue);
        subject.ShouldNotBeNull();
        doc.Slice(doc.CharRangeOf(subject.Value)).ShouldBe("Lena Park");
    }

    [Fact]
    public void CoordinatedVerbTakesTheSentenceSubject_WhenTagged()
    {
        const string text = "Last week, the rebels seized the town and later announced their victory.";
        var doc = TestDocuments.Tokenized(text);
        var cue = doc.TokenRangeOf(TestDocuments.Find(doc, "announced"));
        ClauseRepair.SubjectOf(doc, cue).ShouldBeNull();

        string[] upos = ["ADJ", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "DET", "NOUN", "CCONJ", "ADV", "VERB", "PRON", "NOUN", "PUNCT"];
        for (int i = 0; i < doc.Tokens.Length; i++)
        {
            doc.Tokens[i].Upos = upos[i];
        }

        var subject = ClauseRepair.SubjectOf(doc, cue);
        subject.ShouldNotBeNull();
        doc.Slice(doc.CharRangeOf(subject.Value)).ShouldBe("the rebels");
    }
}
