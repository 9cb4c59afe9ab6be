using Hearsay.Extraction.Evaluation;

namespace Hearsay.Extraction.Tests;

public sealed class ExtractionScoresTests
{
    private static ExtractionEvalPage Page(string[] with, string[] without, string? title = null, string? author = null, string? date = null)
        => new("p", "p.html", null, with, without, title, author, date);

    [Fact]
    public void Snippets_are_matched_after_whitespace_collapse()
    {
        var s = new ExtractionScores();

        s.Add(Page(["alpha  beta", "gamma", "missing"], ["menu item", "not there"]), new ExtractedFields("x alpha\nbeta y gamma\n\nmenu   item", null, null, null));

        s.Body.TruePositives.ShouldBe(2);
        s.Body.FalseNegatives.ShouldBe(1);
        s.Body.FalsePositives.ShouldBe(1);
        s.ToMetrics()["f1"].ShouldBe(Math.Round(4.0 / 6.0, 4));
    }

    [Fact]
    public void A_failed_page_counts_every_with_snippet_as_missed()
    {
        var s = new ExtractionScores();

        s.Add(Page(["a", "b"], ["c"]), null);

        s.Body.FalseNegatives.ShouldBe(2);
        s.Failed.ShouldBe(1);
    }

    [Fact]
    public void Metadata_accuracy_uses_only_pages_with_gold_and_normalises()
    {
        var s = new ExtractionScores();

        s.Add(Page([], [], "Straße – „Neu“", "By Jane Roe and John Doe", "2020-01-05T10:00:00Z"), new ExtractedFields("", "straße - \"neu\"", "John Doe, Jane Roe", "2020-01-05"));
        s.Add(Page([], [], "Other", null, "2020-01-06"), new ExtractedFields("", "Different", "Someone", "2020-01-07"));

        s.TitleGold.ShouldBe(2);
        s.TitleOk.ShouldBe(1);
        s.AuthorGold.ShouldBe(1);
        s.AuthorOk.ShouldBe(1);
        s.DateAccuracy.ShouldBe(0.5);
    }

    [Fact]
    public void A_date_miss_whose_gold_is_the_modified_date_is_told_apart_but_still_a_miss()
    {
        var s = new ExtractionScores();

        var verdict = s.Add(Page([], [], null, null, "2020-03-12"), new ExtractedFields("", null, null, "2019-10-15", "2020-03-12"));
        s.Add(Page([], [], null, null, "2020-03-12"), new ExtractedFields("", null, null, "2019-10-15", "2019-10-16"));

        s.DateOk.ShouldBe(0);
        s.DateMissIsModified.ShouldBe(1);
        verdict.ShouldContain("gold is our modified date");
    }
}
