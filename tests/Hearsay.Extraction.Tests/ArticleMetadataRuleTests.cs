using Hearsay.Extraction.Evaluation;
using Hearsay.Extraction.Html;

namespace Hearsay.Extraction.Tests;

/// <summary>The author and date rules added from the dev-set error analysis (issue 3), one page each.</summary>
public sealed class ArticleMetadataRuleTests
{
    private const string Prose = "This paragraph reads like an article, with commas, several clauses, and enough words to count as prose for the scorer.";

    private readonly HtmlArticleExtractor extractor = new();

    private static string Page(string head, string bodyBefore, string bodyAfter = "")
        => "<html><head>" + head + "</head><body>" + bodyBefore + "<article><h1>Headline</h1><p>" + Prose + "</p><p>" + Prose + "</p></article>" + bodyAfter + "</body></html>";

    [Fact]
    public void A_byline_inside_layout_furniture_is_the_last_resort_but_never_a_commenters_name()
    {
        var furniture = Page(string.Empty, "<div class='content-area sidebar'><span class='author vcard'><a rel='author' href='/author/heiko'>Heiko Sauer</a></span></div>");
        var comment = Page(string.Empty, string.Empty, "<ol class='comment-list'><li class='comment'><span class='author vcard'>Troll Person</span></li></ol>");

        extractor.Extract(furniture, null).Byline.ShouldBe("Heiko Sauer");
        extractor.Extract(comment, null).Byline.ShouldBeNull();
    }

    [Theory]
    [InlineData("View all posts by Daniel Lemire", "Daniel Lemire")]
    [InlineData("Zeige alle Beiträge von Petra Ruland", "Petra Ruland")]
    [InlineData("Von Tomas Spahn Fr, 18. Oktober 2019", "Tomas Spahn")]
    [InlineData("Posted on September 21, 2020 by Adi Tzlil", "Adi Tzlil")]
    [InlineData("Author: Bo2man am 29.12.2010, 13:36 Uhr", "Bo2man")]
    [InlineData("Peter Maahn/SP-X", "Peter Maahn")]
    [InlineData("det/dpa", "det/dpa")]
    public void Byline_texts_are_cut_to_the_name(string byline, string expected)
    {
        var html = Page(string.Empty, "<div class='byline-author'>" + byline + "</div>");

        extractor.Extract(html, null).Byline.ShouldBe(expected);
    }

    [Fact]
    public void A_site_title_h1_names_the_site_and_the_title_tag_gives_the_headline()
    {
        var html = "<html><head><title>Global Voices Online  &raquo; Iran: To Vote or not to Vote</title></head><body>"
            + "<div id='header'><h1 id='site-title'><a href='/'>Global Voices Online</a></h1></div>"
            + "<div class='post'><h2 class='post-title'>Iran: To Vote or not to Vote</h2><p>" + Prose + "</p><p>" + Prose + "</p></div></body></html>";

        extractor.Extract(html, null).Title.ShouldBe("Iran: To Vote or not to Vote");
    }

    [Theory]
    [InlineData("es", "10/05/2022", 2022, 5, 10)]
    [InlineData("en", "10/05/2022", 2022, 10, 5)]
    [InlineData("de", "25/05/2022", 2022, 5, 25)]
    [InlineData("en", "10/25/2022", 2022, 10, 25)]
    public void A_shown_slashed_date_whose_parts_could_both_be_the_month_is_read_in_the_pages_language(string lang, string shown, int y, int m, int d)
    {
        var html = Page(string.Empty, "<span class='post-date'>" + shown + "</span>").Replace("<html>", "<html lang='" + lang + "'>", StringComparison.Ordinal);

        extractor.Extract(html, null).Published.ShouldBe(new DateOnly(y, m, d));
    }

    [Fact]
    public void A_slashed_date_in_a_meta_stays_month_first_whatever_the_language()
    {
        var html = Page("<meta name='date' content='11/01/2023 12:43:42'>", string.Empty).Replace("<html>", "<html lang='de'>", StringComparison.Ordinal);

        extractor.Extract(html, null).Published.ShouldBe(new DateOnly(2023, 11, 1));
    }

    [Fact]
    public void A_login_handle_in_structured_data_gives_way_to_the_spelled_out_name()
    {
        var html = Page(
            "<meta name='author' content='Edilson La Rosa'><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":{\"@type\":\"Person\",\"name\":\"edilson.la.rosa\"}}</script>",
            string.Empty);

        extractor.Extract(html, null).Byline.ShouldBe("Edilson La Rosa");
    }

    [Fact]
    public void A_numbered_account_in_structured_data_gives_way_to_a_byline_that_spells_a_name()
    {
        var html = Page(
            "<script type='application/ld+json'>{\"@type\":\"Article\",\"creator\":\"CC7567\"}</script>",
            "<span class='author vcard'><span class='author-name fn'>James Akinaka</span></span>");

        extractor.Extract(html, null).Byline.ShouldBe("James Akinaka");
    }

    [Theory]
    [InlineData("handwerksblatt.de")]
    [InlineData("Bund der Energieverbraucher e.V.")]
    [InlineData("Interscenario")]
    public void A_site_domain_or_organisation_as_author_gives_way_to_a_person_in_the_byline(string credited)
    {
        var html = Page("<meta name='author' content='" + credited + "'>", "<p class='article-author'>Text: <span itemprop='author'>Kirsten Freund</span></p>");

        extractor.Extract(html, new Uri("https://www.interscenar.io/politik/x")).Byline.ShouldBe("Kirsten Freund");
    }

    [Fact]
    public void An_organisation_stays_the_author_when_no_person_is_named()
    {
        var html = Page("<meta name='author' content='Bund der Energieverbraucher e.V.'>", string.Empty);

        extractor.Extract(html, null).Byline.ShouldBe("Bund der Energieverbraucher e.V.");
    }

    [Fact]
    public void A_visible_byline_naming_every_structured_author_and_more_is_the_full_list()
    {
        var html = Page(
            "<script type='application/ld+json'>{\"@type\":\"Article\",\"author\":\"Rudolf Fischer\"}</script>",
            "<span class='vcard author'><span class='fn'>von Rudolf Fischer, Simon Kohler</span></span>");

        extractor.Extract(html, null).Authors.ShouldBe(["Rudolf Fischer", "Simon Kohler"]);
    }

    [Fact]
    public void Json_ld_with_raw_line_breaks_inside_strings_is_still_read()
    {
        var html = Page("<script type='application/ld+json'>{\"@type\":\"BlogPosting\",\"description\":\"line one\nline two\",\"author\":{\"@type\":\"Person\",\"name\":\"Jacopo Cascioli\"}}</script>", string.Empty);

        extractor.Extract(html, null).Byline.ShouldBe("Jacopo Cascioli");
    }

    [Fact]
    public void A_video_objects_upload_date_ranks_below_the_pages_published_meta()
    {
        var html = Page(
            "<meta property='article:published_time' content='2017-12-01T12:01:11+01:00'><script type='application/ld+json'>{\"@type\":\"VideoObject\",\"uploadDate\":\"2015-01-16T14:53:35+01:00\"}</script>",
            string.Empty);

        extractor.Extract(html, null).Published.ShouldBe(new DateOnly(2017, 12, 1));
    }

    [Fact]
    public void A_comment_timestamp_is_not_the_publication_date()
    {
        var html = Page(string.Empty, "<p class='info'>Veröffentlicht am 16.08.2019</p>", "<ol class='comment-list'><li><article class='comment-body'><time datetime='2019-08-24T03:36:11+02:00'>24. August 2019</time><p>Nice</p></article></li></ol>");

        extractor.Extract(html, null).Published.ShouldBe(new DateOnly(2019, 8, 16));
    }

    [Theory]
    [InlineData("https://beige.de/artikel/x", "2022-11-06T23:00:00.000Z", 2022, 11, 7)]
    [InlineData("https://www.nachrichten.at/x", "2019-10-18T22:04:00Z", 2019, 10, 19)]
    [InlineData("https://www.gazetadopovo.com.br/x", "2022-05-04T00:44:52.000Z", 2022, 5, 3)]
    [InlineData("https://www.talent.ch/?p=5031", "2019-12-26T23:07:45+00:00", 2019, 12, 26)]
    [InlineData("https://example.com/x", "2022-11-06T23:00:00Z", 2022, 11, 6)]
    public void A_utc_time_is_read_on_the_newsrooms_calendar(string url, string published, int y, int m, int d)
    {
        var html = Page("<meta property='article:published_time' content='" + published + "'>", string.Empty);

        extractor.Extract(html, new Uri(url)).Published.ShouldBe(new DateOnly(y, m, d));
    }

    [Theory]
    [InlineData("https://www.lanacion.com.ar/politica/x-nid03052022/", "Wed, 04 May 2022 00:25:56 GMT", 2022, 5, 3)]
    [InlineData("https://eldeber.com.bo/santa-cruz/x_276757", "Wed, 04 May 2022 02:41:00 GMT", 2022, 5, 3)]
    public void An_rfc_1123_gmt_time_is_read_on_the_newsrooms_calendar(string url, string published, int y, int m, int d)
    {
        var html = Page("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":\"" + published + "\"}</script>", string.Empty);

        extractor.Extract(html, new Uri(url)).Published.ShouldBe(new DateOnly(y, m, d));
    }

    [Fact]
    public void The_published_meta_beats_a_disagreeing_json_ld_date()
    {
        var html = Page(
            "<meta property='article:published_time' content='2022-01-06T08:29:34'><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":\"2022-01-04T07:29:00.000Z\"}</script>",
            string.Empty);

        extractor.Extract(html, null).Published.ShouldBe(new DateOnly(2022, 1, 6));
    }

    [Fact]
    public void A_bare_date_meta_gives_way_to_the_articles_time_element()
    {
        var html = Page("<meta name='date' content='2020-04-30'>", "<ul class='Infoline'><li class='Date'><time>29.04.2020, 12:01 Uhr</time></li></ul>");

        extractor.Extract(html, null).Published.ShouldBe(new DateOnly(2020, 4, 29));
    }

    [Fact]
    public void A_bare_date_meta_gives_way_to_a_date_beside_the_article_but_not_to_a_header_clock()
    {
        var beside = Page("<meta name='date' content='2021-12-20T11:02:44+01:00'>", "<div class='row'><span class='date'>27.01.2022</span></div>");
        var clock = Page("<meta name='date' content='2017-05-01T17:05:00+0200'>", "<header><span class='dlf-date'><span>Mittwoch, </span>26.02.2020</span></header>");

        extractor.Extract(beside, null).Published.ShouldBe(new DateOnly(2022, 1, 27));
        extractor.Extract(clock, null).Published.ShouldBe(new DateOnly(2017, 5, 1));
    }

    [Fact]
    public void A_related_posts_time_gives_way_to_the_date_in_the_url()
    {
        var html = Page(
            string.Empty,
            string.Empty,
            "<div class='related-posts'><article class='post hentry'><time class='published updated' datetime='2009-04-11 18:06:36'>11. April 2009</time><a href='/2009/04/11/x/'>Older post</a></article></div>");

        extractor.Extract(html, new Uri("https://www.limespace.de/2019/10/22/professionell-entloeten/")).Published.ShouldBe(new DateOnly(2019, 10, 22));
    }

    [Fact]
    public void A_page_builders_widget_wrapper_is_no_teaser_list()
    {
        var html = Page(string.Empty, "<div class='elementor-widget-container'><time class='entry-date published' datetime='2021-03-04T10:00:00+01:00'>4. März 2021</time></div>");

        extractor.Extract(html, new Uri("https://example.de/2021/02/28/slug/")).Published.ShouldBe(new DateOnly(2021, 3, 4));
    }

    [Fact]
    public void A_comment_dates_class_does_not_date_the_article_but_a_dateline_does()
    {
        var html = "<html><body><article><h1>Headline</h1><p>29.11.2022 – " + Prose + "</p><p>" + Prose + "</p></article>"
            + "<div class='grid-x'><span class='comment-date' title='02.12.2022 15:57:32'>02.12.2022, 15:57:32</span></div></body></html>";

        extractor.Extract(html, null).Published.ShouldBe(new DateOnly(2022, 11, 29));
    }

    [Fact]
    public void A_wayback_capture_timestamp_is_not_the_publication_date()
    {
        var html = Page(string.Empty, string.Empty);

        extractor.Extract(html, new Uri("https://web.archive.org/web/20120216182711/http://www.stol.it/Artikel/Politik/x")).Published.ShouldBeNull();
        extractor.Extract(html, new Uri("https://web.archive.org/web/20120216182711/http://example.com/2012/02/14/x")).Published.ShouldBe(new DateOnly(2012, 2, 14));
    }

    [Fact]
    public void A_wikis_last_edit_dates_the_page_not_a_date_in_its_text()
    {
        var html = Page(string.Empty, "<p>Der nächste Stammtisch findet am Mi. 5. Februar 2020 ab 19 Uhr statt.</p>", "<ul id='footer-info'><li id='footer-info-lastmod'> Diese Seite wurde zuletzt am 29. Januar 2020 um 13:22 Uhr geändert.</li></ul>");

        extractor.Extract(html, null).Published.ShouldBe(new DateOnly(2020, 1, 29));
    }

    [Fact]
    public void A_date_the_page_labels_as_the_publication_beats_other_dates_in_the_text()
    {
        var html = Page(
            string.Empty,
            "<p class='teaser'>Die nächste Ausgabe erscheint am 6. November 2023.</p>",
            "<p class='footer-line'>Letzte Änderung: 31.10.2023 - 14:49:39<br>Erschienen am: 01.11.2023<br>Lesungen: 61<br>© bei der Autorin und bei literaturkritik.de</p>");

        extractor.Extract(html, null).Published.ShouldBe(new DateOnly(2023, 11, 1));
    }

    [Fact]
    public void A_reused_extractor_carries_nothing_from_one_page_to_the_next()
    {
        var big = "<html><body><div class='sidebar'><p>" + Prose + "</p></div><article class='post'>"
            + string.Concat(Enumerable.Range(0, 300).Select(i => "<p class='c" + i + "'>Paragraph " + i + ": " + Prose + "</p>")) + "</article></body></html>";
        var small = Page("<meta name='author' content='Jane Roe'>", "<nav class='menu'><a href='/'>Home</a></nav>");

        var reused = new HtmlArticleExtractor();
        reused.Extract(big, null);
        var again = reused.Extract(small, null);
        var fresh = new HtmlArticleExtractor().Extract(small, null);

        again.Text.ShouldBe(fresh.Text);
        again.Byline.ShouldBe(fresh.Byline);
        again.Paragraphs.Select(p => p.SourceRange).ShouldBe(fresh.Paragraphs.Select(p => p.SourceRange));
    }

    [Theory]
    [InlineData("2022-01.26", "2022-01-26")]
    [InlineData("2022-01-26T10:00:00", "2022-01-26")]
    [InlineData("", null)]
    public void Every_gold_date_that_states_a_day_counts(string gold, string? expected)
        => FieldNormalizer.Date(gold).ShouldBe(expected);

    [Fact]
    public void A_short_first_choice_lets_the_whole_page_classifier_compete()
    {
        // The best-scored container is one small module; the article's prose continues in plain sibling sections.
        var module = "<div class='statement'><p>" + Prose + "</p></div>";
        var sections = string.Concat(Enumerable.Range(1, 8).Select(i => "<section><div><span>Part " + i + ": " + Prose + " " + Prose + "</span></div></section>"));
        var html = "<html><body><div>" + module + "</div>" + sections + "</body></html>";

        var text = extractor.Extract(html, null).Text;

        text.Length.ShouldBeGreaterThan(Prose.Length * 10);
    }

    [Fact]
    public void An_update_the_page_labels_and_shows_instead_of_any_publication_date_is_the_articles_date()
    {
        var head = "<meta property='article:published_time' content='2021-03-08T11:15:28Z'><meta itemprop='dateModified' content='2021-03-14T20:10:50Z'>";
        var onlyUpdate = Page(head, "<p class='update-time'>Updated 2010 GMT (0410 HKT) March 14, 2021</p>");
        var both = Page(head, "<p class='update-time'>Updated March 14, 2021, first published March 8, 2021</p>");

        var article = extractor.Extract(onlyUpdate, null);
        article.Published.ShouldBe(new DateOnly(2021, 3, 14));
        article.Modified.ShouldBe(new DateOnly(2021, 3, 14));
        extractor.Extract(both, null).Published.ShouldBe(new DateOnly(2021, 3, 8));
    }

    [Theory]
    [InlineData("2022-01-25T14:45:00+01:00", "2022-01-26T14:30:00+01:00", "Mittwoch, 26.01.2022 - 14:30", 2022, 1, 26)]
    [InlineData("2022-01-25T14:45:00+01:00", "2022-01-26T14:30:00+01:00", "Dienstag, 25.01.2022 - 14:45 | Mittwoch, 26.01.2022", 2022, 1, 25)]
    [InlineData("2017-12-15T08:50:02-05:00", "2018-07-24T14:15:58-04:00", "Jul 24, 2018, 2:15pm EDT", 2017, 12, 15)]
    public void A_shown_modified_date_without_a_label_is_the_articles_date_only_soon_after_an_unshown_publication(
        string published, string modified, string shown, int y, int m, int d)
    {
        var html = Page(
            "<meta property='article:published_time' content='" + published + "'><meta property='article:modified_time' content='" + modified + "'>",
            "<div class='field-online-datum'>" + shown + "</div>");

        extractor.Extract(html, null).Published.ShouldBe(new DateOnly(y, m, d));
    }

    [Theory]
    [InlineData("2020-02-19T18:37:32+01:00", 2020, 2, 19)]
    [InlineData("2020-02-19T00:30:00Z", 2020, 2, 18)]
    public void The_url_corrects_a_utc_time_across_midnight_but_not_a_time_written_with_its_local_offset(string published, int y, int m, int d)
    {
        var html = Page("<meta property='article:published_time' content='" + published + "'>", string.Empty);

        extractor.Extract(html, new Uri("https://example.com/2020/02/18/slug.html")).Published.ShouldBe(new DateOnly(y, m, d));
    }

    [Fact]
    public void A_parenthesised_date_opening_a_paragraph_after_the_byline_is_a_dateline()
    {
        var html = "<html><body><div class='widget-menu'><span class='newsitem-time'>01.10.2022</span></div><article><h1>Headline</h1>"
            + "<p>Von Leonora Holling</p><p>(21. November 2022) " + Prose + "</p><p>" + Prose + "</p></article></body></html>";

        extractor.Extract(html, null).Published.ShouldBe(new DateOnly(2022, 11, 21));
    }

    [Fact]
    public void A_spanish_date_with_del_before_the_year_is_read()
    {
        var html = Page(string.Empty, "<span class='author__date'>sábado 07 de mayo del 2022</span>").Replace("<html>", "<html lang='es'>", StringComparison.Ordinal);

        extractor.Extract(html, null).Published.ShouldBe(new DateOnly(2022, 5, 7));
    }
}
