using System.Text.Json;
using CsCheck;
using Hearsay.Extraction.PlainText;

namespace Hearsay.Extraction.Tests;

public sealed class PlainTextCleanerTests
{
    private readonly PlainTextCleaner cleaner = new();

    [Fact]
    public void Showcase_drops_the_cms_line_and_keeps_every_gold_offset_before_it()
    {
        var raw = File.ReadAllText(SharedData.PathOf("seed", "massoud-has-not-fled.txt"));
        using var gold = JsonDocument.Parse(File.ReadAllText(SharedData.PathOf("seed", "massoud-has-not-fled.gold.json")));
        var junk = gold.RootElement.GetProperty("boilerplate")[0];
        var junkStart = junk.GetProperty("start").GetInt32();

        var article = cleaner.Clean(raw);

        article.Text.ShouldNotContain("This block is broken or missing");
        article.RemovedLines.ShouldBe([junk.GetProperty("text").GetString()!]);
        article.Text.ShouldBe(raw[..junkStart]);
        article.Title.ShouldBe(gold.RootElement.GetProperty("title").GetProperty("text").GetString());
        article.Language.ShouldBe("en");

        var checkedSpans = 0;
        foreach (var span in Spans(gold.RootElement))
        {
            if (span.End <= junkStart)
            {
                article.Text[span.Start..span.End].ShouldBe(span.Text);
                checkedSpans++;
            }
        }

        checkedSpans.ShouldBeGreaterThan(50);
    }

    [Fact]
    public void Showcase_last_real_paragraph_stays()
    {
        var raw = File.ReadAllText(SharedData.PathOf("seed", "massoud-has-not-fled.txt"));
        var lastReal = raw.Split('\n')[^2];

        cleaner.Clean(raw).Text.ShouldContain(lastReal);
    }

    [Theory]
    [InlineData("Advertisement")]
    [InlineData("  ADVERTISEMENT  ")]
    [InlineData("Share this article")]
    [InlineData("Share on Facebook")]
    [InlineData("Facebook Twitter WhatsApp Email")]
    [InlineData("Facebook | Twitter | LinkedIn")]
    [InlineData("Read more")]
    [InlineData("READ MORE: Taliban claim victory in Panjshir")]
    [InlineData("Subscribe to our newsletter")]
    [InlineData("Sign up for our daily briefing, free, in your inbox")]
    [InlineData("Click here to read the full report")]
    [InlineData("We use cookies to improve your experience. By continuing to browse you accept our use of cookies.")]
    [InlineData("This website uses cookies.")]
    [InlineData("This block is broken or missing. You may be missing content or you might need to enable the original module.")]
    [InlineData("Story continues below advertisement")]
    [InlineData("Continue reading the main story")]
    [InlineData("Related stories")]
    [InlineData("Copyright © 2021 Example Media. All rights reserved.")]
    [InlineData("Please enable JavaScript to view the comments")]
    public void Junk_lines_are_removed(string junk)
    {
        var text = "Headline here\n\nFirst paragraph of the story.\n\n" + junk + "\n\nSecond paragraph of the story.\n";

        var article = cleaner.Clean(text);

        article.Text.ShouldBe("Headline here\n\nFirst paragraph of the story.\n\nSecond paragraph of the story.\n");
        article.RemovedLines.ShouldBe([junk.Trim()]);
    }

    [Theory]
    [InlineData("The advertisement ran in three newspapers, officials said.")]
    [InlineData("Readers were asked to share this article with friends, the campaign said.")]
    [InlineData("He told viewers to subscribe, but few did.")]
    [InlineData("Share prices fell 4 percent on Monday.")]
    [InlineData("Cookie sales rose sharply in December.")]
    [InlineData("Read more books, the minister urged pupils.")]
    [InlineData("Comments from the ministry were not immediately available.")]
    public void Prose_that_mentions_junk_words_stays(string prose)
    {
        var text = "Title\n\n" + prose + "\n";

        var article = cleaner.Clean(text);

        article.Text.ShouldBe(text);
        article.RemovedLines.ShouldBeEmpty();
    }

    [Fact]
    public void Crlf_and_inline_junk_keep_bytes_and_line_endings()
    {
        var text = "A title\r\n\r\nOne.\r\nAdvertisement\r\nTwo.\r\n";

        var article = cleaner.Clean(text);

        article.Text.ShouldBe("A title\r\n\r\nOne.\r\nTwo.\r\n");
    }

    [Fact]
    public void Junk_line_without_final_newline_is_removed()
    {
        cleaner.Clean("Body text here.\nRead more").Text.ShouldBe("Body text here.\n");
    }

    [Fact]
    public void Title_is_not_taken_from_a_sentence()
    {
        cleaner.Clean("This is a full sentence that opens the text.\n\nMore.").Title.ShouldBeNull();
        cleaner.Clean("A headline\nthat continues on the next line of a paragraph.").Title.ShouldBeNull();
        cleaner.Clean("Short headline\n\nBody.").Title.ShouldBe("Short headline");
    }

    [Fact]
    public void Paragraphs_point_at_the_same_text_in_output_and_source()
    {
        var text = "Title\n\nFirst para\nstill first.\n\nAdvertisement\n\nSecond para.\n";

        var article = cleaner.Clean(text);

        article.Paragraphs.Count.ShouldBe(2);
        foreach (var p in article.Paragraphs)
        {
            p.TextRange.Substring(article.Text).ShouldBe(p.SourceRange.Substring(text));
        }

        article.Paragraphs[0].TextRange.Substring(article.Text).ShouldBe("First para\nstill first.");
        article.Paragraphs[1].TextRange.Substring(article.Text).ShouldBe("Second para.");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("Advertisement\nRead more\n")]
    public void Nothing_left_gives_empty_text_with_reason(string text)
    {
        var article = cleaner.Clean(text);

        article.Text.ShouldBeEmpty();
        article.FailureReason.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Cleaning_only_ever_deletes_whole_lines()
    {
        Gen.OneOf(
                Gen.Const("Advertisement"),
                Gen.Const("Share this"),
                Gen.Const(string.Empty),
                Gen.String[Gen.Char[" abcdefghijklmnopqrstuvwxyz.,"], 0, 40])
            .Array[0, 12]
            .Sample(lines =>
            {
                var text = string.Join("\n", lines);
                var src = LinesWithTerminators(text);
                var j = 0;
                foreach (var line in LinesWithTerminators(cleaner.Clean(text).Text))
                {
                    while (j < src.Count && src[j] != line)
                    {
                        j++;
                    }

                    (j < src.Count).ShouldBeTrue($"output line '{line}' is not an input line, in order");
                    j++;
                }
            });
    }

    private static List<string> LinesWithTerminators(string text)
        => System.Text.RegularExpressions.Regex.Split(text, "(?<=\n)").Where(l => l.Length > 0).ToList();

    private static IEnumerable<(int Start, int End, string Text)> Spans(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            if (e.TryGetProperty("start", out var s) && e.TryGetProperty("end", out var en) && e.TryGetProperty("text", out var t)
                && s.ValueKind == JsonValueKind.Number && t.ValueKind == JsonValueKind.String)
            {
                yield return (s.GetInt32(), en.GetInt32(), t.GetString()!);
            }

            foreach (var p in e.EnumerateObject())
            {
                foreach (var x in Spans(p.Value))
                {
                    yield return x;
                }
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                foreach (var x in Spans(item))
                {
                    yield return x;
                }
            }
        }
    }
}
