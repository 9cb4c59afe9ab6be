using Hearsay.Attribution.Corpus;
using Hearsay.Attribution.Tagging;

namespace Hearsay.Attribution.Tests;

public class BratCorpusTests
{
    // Invented text: "The senator said the plan, which failed twice, would pass."
    private const string Text = "The senator said the plan, which failed twice, would pass.\n\nNothing else.";

    private static readonly string[] Ann =
    [
        "T1\tSource 0 11\tThe senator",
        "T2\tCue 12 16\tsaid",
        "T3\tContent 17 25;47 57\tthe plan would pass",
        "T4\tAttribution 12 16\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        "T5\tDiscuss 0 3\tThe",
        "continuation of a multi-line span text",
    ];

    [Fact]
    public void JoinsRolesThroughEvents_KeepsDiscontinuousContent_SkipsContinuationLines()
    {
        var atts = BratCorpus.ParseAnn("test.ann", Ann, Text.Length);
        atts.Count.ShouldBe(1);
        atts[0].Source.Single().ShouldBe(new Core.Documents.CharRange(0, 11));
        atts[0].Content.Count.ShouldBe(2);
    }

    [Fact]
    public void BadOffsetsNameTheFileAndLine()
    {
        var e = Should.Throw<FormatException>(() => BratCorpus.ParseAnn("bad.ann", ["T1\tSource 5 900\tx"], 10));
        e.Message.ShouldContain("bad.ann:1");
    }

    [Fact]
    public void LabelsParagraphUnits_EachFragmentOpensWithB()
    {
        var doc = new BratDocument("doc", "a1", Text, BratCorpus.ParseAnn("t.ann", Ann, Text.Length));
        var units = BratSentenceLabeler.Label(doc);
        units.Count.ShouldBe(2);
        var names = units[0].Labels.Select(BioLabels.Name).ToArray();
        units[0].Tokens.ShouldBe(["The", "senator", "said", "the", "plan", ",", "which", "failed", "twice", ",", "would", "pass", "."]);
        names.ShouldBe(["B-source", "I-source", "B-cue", "B-content", "I-content", "O", "O", "O", "O", "O", "B-content", "I-content", "O"]);
    }
}
