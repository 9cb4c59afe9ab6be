using Hearsay.Core.Documents;
using Hearsay.Nlp.Tokenization;

namespace Hearsay.Nlp.Tests.Tokenization;

public class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var doc = new Document(text);
        new Tokenizer().Process(doc, CancellationToken.None);
        new SentenceSplitter().Process(doc, CancellationToken.None);
        return [.. doc.Sentences.Select(s => doc.Slice(s.Range))];
    }

    [Fact]
    public void Headline_and_dateline()
    {
        const string text = "Massoud has not fled\n\nKABUL (Reuters) - Ahmad Massoud has not fled. He said so on Monday.";
        Sentences(text).ShouldBe(new[] { "Massoud has not fled", "KABUL (Reuters) - Ahmad Massoud has not fled.", "He said so on Monday." });
    }

    [Fact]
    public void Titles_and_initials_do_not_end_sentences() =>
        Sentences("Mr. J. R. Smith met Gen. Allen at 10 a.m. in the U.S. Army base. It rained.")
            .ShouldBe(new[] { "Mr. J. R. Smith met Gen. Allen at 10 a.m. in the U.S. Army base.", "It rained." });

    [Fact]
    public void Abbreviation_can_end_a_sentence_before_an_opener() =>
        Sentences("He joined Apple Inc. The company grew. She moved to the U.S. He stayed.")
            .ShouldBe(new[] { "He joined Apple Inc.", "The company grew.", "She moved to the U.S.", "He stayed." });

    [Fact]
    public void Closing_quotes_stay_with_their_sentence()
    {
        Sentences("“We will fight. We will win.” The crowd cheered.")
            .ShouldBe(new[] { "“We will fight.", "We will win.”", "The crowd cheered." });
        Sentences("He said: \"It is over.\" Then he left!")
            .ShouldBe(new[] { "He said: \"It is over.\"", "Then he left!" });
    }

    [Fact]
    public void Quoted_question_followed_by_speech_verb_continues() =>
        Sentences("“Why now?” he asked. Nobody knew.").ShouldBe(new[] { "“Why now?” he asked.", "Nobody knew." });

    [Fact]
    public void Numbers_urls_and_lowercase_continuations() =>
        Sentences("Growth was 3.5 percent, see www.example.com. e.g. this. Prices rose... Then fell.")
            .ShouldBe(new[] { "Growth was 3.5 percent, see www.example.com. e.g. this.", "Prices rose...", "Then fell." });
}

public class SentenceSplitterCitationTests
{
    [Fact]
    public void Citation_marks_and_number_abbreviations()
    {
        var doc = new Document("He won in 1805. [19] No. He came No. 5 in the race.");
        new Tokenizer().Process(doc, CancellationToken.None);
        new SentenceSplitter().Process(doc, CancellationToken.None);
        doc.Sentences.Select(s => doc.Slice(s.Range)).ShouldBe(new[] { "He won in 1805. [19]", "No.", "He came No. 5 in the race." });
        doc.Tokens.Select(t => doc.Slice(t.Range)).ShouldContain("No.");
        doc.Tokens.Select(t => doc.Slice(t.Range)).Take(8).ShouldBe(new[] { "He", "won", "in", "1805", ".", "[", "19", "]" });
    }
}
