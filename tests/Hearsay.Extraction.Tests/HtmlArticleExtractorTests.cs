using System.Diagnostics;
using System.Text;
using CsCheck;
using Hearsay.Extraction.Html;

namespace Hearsay.Extraction.Tests;

public sealed class HtmlArticleExtractorTests
{
    private const string Prose = "This paragraph reads like an article, with commas, several clauses, and enough words to count as prose for the scorer.";

    private readonly HtmlArticleExtractor extractor = new();

    [Fact]
    public void Paragraphs_join_with_blank_lines_and_point_back_into_the_html()
    {
        var html = "<html><body><nav><a href='/'>Home</a></nav><article><h1>T</h1><p>First: " + Prose + "</p>\n<p class='x'>Second &amp; " + Prose + "</p></article></body></html>";

        var a = extractor.Extract(html, null);

        a.Text.ShouldBe("First: " + Prose + "\n\nSecond & " + Prose);
        a.Paragraphs.Count.ShouldBe(2);
        var src0 = a.Paragraphs[0].SourceRange.Substring(html);
        src0.ShouldStartWith("<p>First:");
        src0.ShouldEndWith("</p>");
        var src1 = a.Paragraphs[1].SourceRange.Substring(html);
        src1.ShouldStartWith("<p class='x'>Second &amp;");
        src1.ShouldEndWith("</p>");
        a.Paragraphs[1].TextRange.Substring(a.Text).ShouldStartWith("Second & ");
    }

    [Fact]
    public void Source_ranges_hold_with_crlf_line_ends()
    {
        var html = "<html>\r\n<body>\r\n<article>\r\n<p>One " + Prose + "</p>\r\n\r\n<p>Two " + Prose + "</p>\r\n</article></body></html>";

        var a = extractor.Extract(html, null);

        a.Paragraphs.Count.ShouldBe(2);
        a.Paragraphs[1].SourceRange.Substring(html).ShouldBe("<p>Two " + Prose + "</p>");
    }

    [Fact]
    public void Metadata_comes_from_json_ld_then_meta_then_url()
    {
        var html = "<html><head><meta property='og:site_name' content='Site'><meta name='author' content='By Jane Roe'></head><body><article><p>"
            + Prose + "</p><p>" + Prose + "</p></article></body></html>";

        var a = extractor.Extract(html, new Uri("https://example.org/news/2019/10/24/story"));

        a.Byline.ShouldBe("Jane Roe");
        a.Published.ShouldBe(new DateOnly(2019, 10, 24));
        a.Site.ShouldBe("Site");
        a.Language.ShouldBe("en");
    }

    [Theory]
    [InlineData("<title>Penny - Stardew Valley Wiki</title><meta property='og:title' content='Penny - Stardew Valley Wiki'><meta property='og:site_name' content='Stardew Valley Wiki'>", "<h1>Penny</h1>", "https://stardewvalleywiki.com/Penny", "Penny")]
    [InlineData("<title>Johannes | ohneQ Podcast</title><meta property='og:title' content='Johannes'>", "<h1>Johannes</h1>", "http://ohneq.de/johannes/", "Johannes")]
    [InlineData("<title>Vom Boden aus gedacht - Ein langer Untertitel zum Buch : literaturkritik.de</title>", "<h1>Vom Boden aus gedacht</h1>", "https://literaturkritik.de/x.html", "Vom Boden aus gedacht")]
    [InlineData("<title>Klimavorreiter Oberland? - Tegernseerstimme</title><meta property='og:site_name' content='Tegernseerstimme'>", "<h1><span>Energiewende Oberland:</span> Klimavorreiter Oberland?</h1>", "https://example.org/a", "Klimavorreiter Oberland?")]
    [InlineData("<title>Die Zukunft der Arbeit - Wir dekorieren die Liegestühle um</title>", "<h1><span>Die Zukunft der Arbeit</span><span>Wir dekorieren die Liegestühle um</span></h1>", "https://example.org/a", "Wir dekorieren die Liegestühle um")]
    [InlineData("<title>Marita Kramer verpasst Olympische Spiele - skispringen.com</title>", "<h1>\"Pure Leere\": Marita Kramer verpasst Olympische Spiele</h1>", "https://www.skispringen.com/a", "\"Pure Leere\": Marita Kramer verpasst Olympische Spiele")]
    [InlineData("<title>pix-bavaria</title>", "<h1>Boarische Buidl</h1><h1>Bilder aus Bayern</h1><h1>Bavarian pictures</h1>", "https://www.pix-bavaria.de/", "pix-bavaria")]
    public void Title_drops_site_suffixes_and_glued_kickers_but_keeps_quoted_ones(string head, string h1, string url, string expected)
    {
        var html = "<html><head>" + head + "</head><body><article>" + h1 + "<p>" + Prose + "</p><p>" + Prose + "</p></article></body></html>";

        extractor.Extract(html, new Uri(url)).Title.ShouldBe(expected);
    }

    [Fact]
    public void Signature_roster_and_login_form_lose_to_the_letter()
    {
        var names = string.Concat(Enumerable.Range(0, 60).Select(i => "<strong>Person " + (char)('A' + (i % 26)) + "</strong>, University " + i + "<br>"));
        var form = "<form><div><p>Zu dieser E-Mail-Adresse ist kein Konto vorhanden, oder das Passwort ist falsch, bitte erneut versuchen, danke.</p>"
            + "<p>Diese E-Mail-Adresse ist bereits registriert, bitte melden Sie sich an, oder setzen Sie Ihr Passwort zurück, danke.</p></div></form>";
        var html = "<html><body>" + form + "<div><p>Letter: " + Prose + "</p><p>More: " + Prose + "</p><table><tr><td>" + names + "</td></tr></table></div></body></html>";

        var a = extractor.Extract(html, null);

        a.Text.ShouldStartWith("Letter: ");
        a.Text.ShouldNotContain("Passwort");
    }

    [Fact]
    public void German_page_without_lang_markup_is_detected_as_german()
    {
        var de = "Die Stadt hat am Montag mitgeteilt, dass der neue Bahnhof im Herbst eröffnet wird und die Bauarbeiten fast abgeschlossen sind.";
        var html = "<html><body><div class='content'><p>" + de + "</p><p>" + de + "</p></div></body></html>";

        extractor.Extract(html, null).Language.ShouldBe("de");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Empty_page_gives_empty_text_and_a_reason(string html)
    {
        var a = extractor.Extract(html, null);

        a.Text.ShouldBeEmpty();
        a.FailureReason.ShouldBe("the page is empty");
    }

    [Fact]
    public void Binary_junk_is_rejected_with_a_reason()
    {
        var bytes = new byte[200_000];
        new Random(7).NextBytes(bytes);

        var a = extractor.Extract(bytes, null);

        a.Text.ShouldBeEmpty();
        a.FailureReason!.ShouldContain("not HTML");
    }

    [Fact]
    public void Malformed_html_still_yields_the_prose()
    {
        var html = "<html><body><div><p>" + Prose + "<p>Second " + Prose + " <b>bold <i>italic</b> text</i><table><td>cell<div></span></p></article></html><<<>>><!-- unclosed";

        var a = extractor.Extract(html, null);

        a.Text.ShouldContain(Prose);
        a.FailureReason.ShouldBeNull();
    }

    [Fact]
    public void Ten_thousand_deep_nesting_is_handled_in_bounded_time()
    {
        var html = "<html><body>" + string.Concat(Enumerable.Repeat("<div>", 10_000)) + "<p>" + Prose + "</p>" + string.Concat(Enumerable.Repeat("</div>", 10_000)) + "</body></html>";
        var sw = Stopwatch.StartNew();

        var a = extractor.Extract(html, null);

        a.Text.ShouldContain(Prose);
        sw.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void Fifty_megabyte_page_is_cut_and_bounded()
    {
        var sb = new StringBuilder(51_000_000);
        sb.Append("<html><head><title>Big</title></head><body><article>");
        for (var i = 0; i < 10; i++)
        {
            sb.Append("<p>").Append(Prose).Append("</p>");
        }

        sb.Append("</article>");
        while (sb.Length < 50_000_000)
        {
            sb.Append("<div class='x'><a href='/l'>link</a> filler that is not an article at all</div>\n");
        }

        var html = sb.Append("</body></html>").ToString();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var sw = Stopwatch.StartNew();

        var a = extractor.Extract(html, null);

        sw.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        (GC.GetAllocatedBytesForCurrentThread() - allocated).ShouldBeLessThan(2_000_000_000L);
        a.Text.ShouldContain(Prose);
    }

    [Fact]
    public void Page_without_an_article_gives_empty_text_and_a_reason()
    {
        var html = "<html><body><nav><a href='/a'>Shoes</a><a href='/b'>Hats</a></nav><div><a href='/p/1'>Red shoe</a> 19.99</div></body></html>";

        var a = extractor.Extract(html, null);

        a.Text.ShouldBeEmpty();
        a.FailureReason.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public void Random_markup_never_throws()
    {
        Gen.String[Gen.Char["<>/=\"' abcdiv p&;#x0123456789\n"], 0, 400].Sample(s =>
        {
            var a = extractor.Extract(s, null);
            (a.Text.Length > 0 || a.FailureReason is not null).ShouldBeTrue();
        });
    }
}
