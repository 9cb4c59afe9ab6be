using Hearsay.Core.Documents;
using Hearsay.Core.Evaluation;
using Hearsay.Nlp.Time;

namespace Hearsay.Nlp.Tests;

public class TimeMlTests
{
    // A made-up document in the TempEval-3 layout.
    private const string Tml = """
        <?xml version="1.0" ?>
        <TimeML>
        <DOCID>X1</DOCID>
        <DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07" temporalFunction="false" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
        <TEXT>
        Bombs <EVENT eid="e1" class="OCCURRENCE">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3> at AT&amp;T, officials <EVENT eid="e2" class="REPORTING">said</EVENT> <TIMEX3 tid="t2" type="DURATION" value="P2W">two weeks</TIMEX3> later.
        </TEXT>
        <MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="VERB"/>
        <TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t0"/>
        </TimeML>
        """;

    [Fact]
    public void ReadsTextDctAndGoldTimexes()
    {
        var doc = TimeMlDocument.Parse(Tml, "x.tml");
        doc.CreationTime.ShouldBe(new DateOnly(1998, 8, 7));
        doc.Text.ShouldContain("at AT&T, officials said two weeks later.");
        doc.Gold.Count.ShouldBe(2);
        doc.Gold[0].Range.Substring(doc.Text).ShouldBe("Friday");
        doc.Gold[1].Type.ShouldBe(TimexType.Duration);
    }

    [Fact]
    public void RewritesWithPredictedTagsKeepingTextAndDct()
    {
        var doc = TimeMlDocument.Parse(Tml, "x.tml");
        var predicted = new TimexRecognizer().Recognize(doc.Text, doc.CreationTime);
        var output = doc.WithTimexes(predicted);
        output.ShouldContain("functionInDocument=\"CREATION_TIME\"");
        output.ShouldContain("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-07\">Friday</TIMEX3>");
        output.ShouldContain("AT&amp;T");
        output.ShouldNotContain("<EVENT");
        output.ShouldNotContain("<TLINK");
        var reread = TimeMlDocument.Parse(output, "y.tml");
        reread.Text.ShouldBe(doc.Text);
        reread.Gold.Select(g => g.Range).ShouldBe(predicted.Select(p => p.Range));
    }

    [Fact]
    public void BadInputNamesTheFile()
    {
        Should.Throw<FormatException>(() => TimeMlDocument.Parse("<html></html>", "page.tml")).Message.ShouldContain("page.tml");
    }

    [Fact]
    public void ScoresLikeTheOfficialScorer()
    {
        const string text = "He left Friday morning and stayed two weeks.";
        var gold = new[]
        {
            new TimeMlTimex("t1", new CharRange(8, 22), TimexType.Time, "1998-08-07TMO"),
            new TimeMlTimex("t2", new CharRange(34, 43), TimexType.Duration, "P2W"),
        };
        var system = new[]
        {
            new TimeExpression(new CharRange(8, 14), TimexType.Date, "1998-08-07"),
            new TimeExpression(new CharRange(34, 43), TimexType.Duration, "P2W"),
            new TimeExpression(new CharRange(0, 2), TimexType.Date, "PRESENT_REF"),
        };
        var scorer = new TimexScorer();
        scorer.Add("x", text, gold, system);
        scorer.Relaxed.ShouldBe(2);
        scorer.Strict.ShouldBe(1);
        scorer.StrictCounts.Precision.ShouldBe(1.0 / 3, 1e-9);
        scorer.RelaxedCounts.Recall.ShouldBe(1.0);
        scorer.TypeAccuracy.ShouldBe(0.5);
        scorer.ValueF1.ShouldBe(0.5 * 0.8, 1e-9);
        var report = new EvalReport("time", "x", 1);
        scorer.WriteTo(report);
        report.Read("strict.f1").ShouldBe(0.4);
        report.Read("value.accuracy").ShouldBe(0.5);
    }
}
