using Hearsay.Core.Serialization;

namespace Hearsay.Cli.Tests;

public sealed class DocumentTextRendererTests
{
    private const string Text = "Mayor Lina Ortiz said the plan is \"not finished\" and \"late\".\n";

    [Fact]
    public void An_attribution_reads_source_cue_content_then_form_polarity_and_time()
    {
        var doc = new DocumentResult
        {
            Id = "abc",
            Status = "analyzed",
            Title = "Plan late",
            Published = "2024-01-02",
            Text = Text,
            Entities = [new EntityResult { Id = 0, Name = "Lina Ortiz", Type = "PERSON", Mentions = [new MentionResult(6, 16, "Lina Ortiz", "name"), new MentionResult(0, 16, "Mayor Lina Ortiz", "name")] }],
            Attributions =
            [
                new AttributionResult
                {
                    Id = "A1",
                    Source = new SourceResult(0, 16, "Mayor Lina Ortiz", "person") { Entity = new EntityRefResult(0, "Lina Ortiz") },
                    Cue = new SpanResult(17, 21, "said"),
                    Content = [new SpanResult(22, 33, "the plan is"), new SpanResult(34, 48, "\"not finished\"")],
                    Form = "mixed",
                    Polarity = "negated",
                    Time = new StatementTimeResult(0, 0, "Monday", "2024-01-01"),
                },
            ],
        };

        var lines = DocumentTextRenderer.Render(doc).Split(Environment.NewLine);
        lines[0].ShouldBe("Plan late");
        lines[1].ShouldBe("  id abc | published 2024-01-02");
        lines[3].ShouldBe("Attributions (1)");
        lines[4].ShouldBe("  A1  \"Mayor Lina Ortiz\" [person = Lina Ortiz] -> said -> \"the plan is … \"not finished\"\"");
        lines[5].ShouldBe("      mixed, negated, time Monday = 2024-01-01");
        lines[7].ShouldBe("Entities (1)");
        lines[8].ShouldBe("  PERSON Lina Ortiz (2 mentions)");
    }

    [Fact]
    public void A_document_that_was_not_analysed_says_why()
    {
        var doc = new DocumentResult { Id = "x", Status = "unsupportedLanguage", Language = "fi", Text = "Hei.\n" };
        var text = DocumentTextRenderer.Render(doc);
        text.ShouldStartWith("(untitled)" + Environment.NewLine);
        text.ShouldContain("status: unsupportedLanguage (language fi)");
        text.ShouldContain("Attributions (0)");
    }

    [Fact]
    public void Long_content_is_shortened_to_one_line()
    {
        var content = string.Join('\n', Enumerable.Repeat("word", 200));
        var doc = new DocumentResult
        {
            Id = "x",
            Status = "analyzed",
            Text = content,
            Attributions =
            [
                new AttributionResult
                {
                    Id = "A1",
                    Source = new SourceResult(0, 2, "He", "person"),
                    Cue = new SpanResult(3, 6, "said"),
                    Content = [new SpanResult(0, content.Length, content)],
                    Form = "direct",
                    Polarity = "affirmed",
                },
            ],
        };
        var line = DocumentTextRenderer.Render(doc).Split(Environment.NewLine).Single(l => l.StartsWith("  A1", StringComparison.Ordinal));
        line.ShouldEndWith("…\"");
        line.Length.ShouldBeLessThan(300);
    }
}
