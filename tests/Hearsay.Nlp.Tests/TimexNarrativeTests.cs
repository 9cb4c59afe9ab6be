using Hearsay.Nlp.Time;

namespace Hearsay.Nlp.Tests;

public class TimexNarrativeTests
{
    private static string ValueOf(string text, string span, DateOnly anchor)
    {
        var times = new TimexRecognizer().Recognize(text, anchor);
        return times.Single(t => t.Range.Substring(text) == span).Value;
    }

    [Fact]
    public void ThatDayFollowsTheStorysLastDate()
    {
        var anchor = new DateOnly(2021, 9, 13);
        ValueOf("The valley fell on September 6. Later that day the leader spoke.", "Later that day", anchor).ShouldBe("2021-09-06");
        ValueOf("The treaty was signed on March 3, 1999. The next day it was published.", "The next day", anchor).ShouldBe("1999-03-04");
        ValueOf("He moved there in 1996. The following year he left.", "The following year", anchor).ShouldBe("1997");
    }

    [Fact]
    public void AYearEarlierInAResultsSentenceIsTheSameQuarter()
    {
        var anchor = new DateOnly(1989, 10, 26);
        var text = "Third-quarter profit rose to $5 million from $4 million a year earlier, and sales rose from a year ago.";
        ValueOf(text, "a year earlier", anchor).ShouldBe("1988-Q3");
        ValueOf(text, "a year ago", anchor).ShouldBe("1988-Q3");
        ValueOf("Profit rose. It was lower a year ago.", "a year ago", anchor).ShouldBe("1988");
    }

    [Fact]
    public void AQuoteOfAPastSpeechSpeaksFromItsOwnDate()
    {
        var anchor = new DateOnly(2021, 9, 13);
        var text = "On March 3, 2019, the general said: \"Yesterday we took the pass, and next week we take the valley.\"";
        ValueOf(text, "Yesterday", anchor).ShouldBe("2019-03-02");
        ValueOf(text, "next week", anchor).ShouldBe("2019-W10");
        ValueOf("He said: \"Yesterday we took the pass.\"", "Yesterday", anchor).ShouldBe("2021-09-12");
    }
}
