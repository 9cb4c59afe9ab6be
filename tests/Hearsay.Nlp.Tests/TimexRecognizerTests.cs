using CsCheck;
using Hearsay.Core.Documents;
using Hearsay.Nlp.Time;

namespace Hearsay.Nlp.Tests;

public class TimexRecognizerTests
{
    private static readonly DateOnly Monday = new(2021, 9, 13);

    private static (string Text, TimexType Type, string Value)[] Run(string text, DateOnly? anchor)
    {
        var times = new TimexRecognizer().Recognize(text, anchor);
        return times.Select(t => (t.Range.Substring(text), t.Type, t.Value)).ToArray();
    }

    [Theory]
    [InlineData("Al-Arabiya reported on Sunday.", "Sunday", "2021-09-12")]
    [InlineData("The minister spoke on Monday.", "Monday", "2021-09-13")]
    [InlineData("The talks will resume on Friday.", "Friday", "2021-09-17")]
    [InlineData("Last week, the militants shared video.", "Last week", "2021-W36")]
    [InlineData("Officials met next week.", "next week", "2021-W38")]
    [InlineData("Kabul fell on August 15.", "August 15", "2021-08-15")]
    [InlineData("He died on September 9, 2001 in Takhar.", "September 9, 2001", "2001-09-09")]
    [InlineData("The deadline is Jan. 14, they said.", "Jan. 14", "2022-01-14")]
    [InlineData("Protests grew last month.", "last month", "2021-08")]
    [InlineData("The law passed last year.", "last year", "2020")]
    [InlineData("Prices rose in the third quarter.", "the third quarter", "2021-Q3")]
    [InlineData("He arrived yesterday.", "yesterday", "2021-09-12")]
    [InlineData("It happened two days ago.", "two days ago", "2021-09-11")]
    [InlineData("It began in 1998.", "1998", "1998")]
    [InlineData("Growth slowed in the 1990s.", "1990s", "199X")]
    [InlineData("Troops are now in the valley.", "now", "PRESENT_REF")]
    [InlineData("after the 9/11 attacks", "9/11", "2001-09-11")]
    [InlineData("The vote is set for 10:30 a.m. EDT", "10:30 a.m. EDT", "2021-09-13T10:30")]
    public void ResolvesDatesAgainstTheAnchor(string text, string span, string value)
    {
        var found = Run(text, Monday);
        found.ShouldContain(f => f.Text == span && f.Value == value, $"found: {string.Join("; ", found.Select(f => f.Text + "=" + f.Value))}");
    }

    [Theory]
    [InlineData("For the last week, protests have taken place.", "the last week", TimexType.Duration, "P1W")]
    [InlineData("The siege lasted two weeks.", "two weeks", TimexType.Duration, "P2W")]
    [InlineData("a 16-hour flight", "16-hour", TimexType.Duration, "PT16H")]
    [InlineData("Fighting went on for years.", "years", TimexType.Duration, "PXY")]
    [InlineData("over the past 20 years", "the past 20 years", TimexType.Duration, "P20Y")]
    [InlineData("The paper is published daily.", "daily", TimexType.Set, "P1D")]
    [InlineData("They meet every week.", "every week", TimexType.Set, "P1W")]
    public void RecognizesDurationsAndSets(string text, string span, TimexType type, string value)
    {
        var found = Run(text, Monday);
        found.ShouldContain(f => f.Text == span && f.Type == type && f.Value == value, $"found: {string.Join("; ", found.Select(f => f.Text + "=" + f.Value))}");
    }

    [Fact]
    public void SpansLeaveOutPrepositions()
    {
        Run("Al-Arabiya reported on Sunday.", Monday).Single().Text.ShouldBe("Sunday");
        Run("It ended in March.", Monday).Single().Text.ShouldBe("March");
    }

    [Fact]
    public void WithoutAnAnchorRelativeDatesStayUnresolved()
    {
        Run("Kabul fell on August 15.", null).Single().Value.ShouldBe("XXXX-08-15");
        Run("He spoke on Sunday.", null).Single().Value.ShouldBe("XXXX-WXX-7");
        Run("It happened last year.", null).Single().Value.ShouldBe("XXXX");
    }

    [Fact]
    public void WeekdayPicksTheYearOfAFullDateWithoutOne()
    {
        // Oct. 26 fell on a Monday in 1998, not in 1999.
        Run("The hearing opened Monday, Oct. 26, officials said.", new DateOnly(1999, 3, 1)).Single().Value.ShouldBe("1998-10-26");
    }

    [Fact]
    public void LeavesPlainNumbersAndModalMayAlone()
    {
        Run("They may decide, said 1500 troops and 12 people.", Monday).ShouldBeEmpty();
    }

    [Fact]
    public void StagePublishesTimeExpressionsAnchoredOnThePublishedDate()
    {
        var doc = new Document("Al-Arabiya reported on Sunday.", new DocumentMetadata { Published = Monday });
        new TimexRecognizer().Process(doc, CancellationToken.None);
        doc.Has(Layers.TimeExpressions).ShouldBeTrue();
        doc.TimeExpressions.Single().Value.ShouldBe("2021-09-12");
        doc.TimeExpressions.Single().AnchorValue.ShouldBe("2021-09-13");
    }

    [Fact]
    public void RangesAreSortedDisjointAndInsideTheText()
    {
        var words = Gen.OneOf("on", "Sunday", "last", "week", "the", "past", "two", "years", "August", "15", ",", "2001", "said", "9/11", "a.m.", "7", "daily", "now", "of", "early", "-");
        Gen.Select(words.Array[0, 30], Gen.Int[0, 3]).Sample((ws, sep) =>
        {
            var text = string.Join(sep == 0 ? " " : sep == 1 ? "  " : sep == 2 ? "\n" : ". ", ws);
            var times = new TimexRecognizer().Recognize(text, Monday);
            int last = 0;
            foreach (var t in times)
            {
                if (t.Range.Start < last || t.Range.End > text.Length || t.Range.IsEmpty || string.IsNullOrEmpty(t.Value))
                {
                    return false;
                }

                last = t.Range.End;
            }

            return true;
        });
    }
}
