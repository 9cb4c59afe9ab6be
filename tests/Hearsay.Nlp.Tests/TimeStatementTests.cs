using Hearsay.Core.Documents;
using Hearsay.Nlp.Time;

namespace Hearsay.Nlp.Tests;

public class TimeStatementTests
{
    private static readonly DocumentMetadata Monday = new() { Published = new DateOnly(2021, 9, 13) };

    private static StatementTime? Find(string text, string cue)
    {
        var doc = new Document(text, Monday);
        int at = text.IndexOf(cue, StringComparison.Ordinal);
        return new StatementTimeFinder().Find(doc, new CharRange(at, at + cue.Length));
    }

    [Fact]
    public void TimeAfterTheCue()
    {
        var t = Find("The leader remains in the country, Al-Arabiya reported on Sunday.", "reported");
        t.ShouldNotBeNull();
        t.Value.ShouldBe("2021-09-12");
    }

    [Fact]
    public void FrontedTimeBeforeTheCue()
    {
        var t = Find("On Friday, the ministry said the border was closed.", "said");
        t.ShouldNotBeNull();
        t.Value.ShouldBe("2021-09-10");
    }

    [Fact]
    public void TimeInsideTheContentDoesNotDateTheStatement()
    {
        Find("The ministry said that on Friday the border would reopen.", "said").ShouldBeNull();
        Find("He said: \"We left on August 15.\"", "said").ShouldBeNull();
    }

    [Fact]
    public void TimeInAnotherSentenceDoesNotCount()
    {
        Find("Fighting stopped on Sunday. Officials said the valley was calm.", "said").ShouldBeNull();
    }

    [Fact]
    public void UsesTheTimeLayerWhenPresent()
    {
        var doc = new Document("Officials said Tuesday the talks failed.", Monday);
        doc.SetTimeExpressions([new TimeExpression(new CharRange(15, 22), TimexType.Date, "2021-09-07")]);
        var t = new StatementTimeFinder().Find(doc, new CharRange(10, 14));
        t.ShouldNotBeNull();
        t.Value.ShouldBe("2021-09-07");
    }
}
