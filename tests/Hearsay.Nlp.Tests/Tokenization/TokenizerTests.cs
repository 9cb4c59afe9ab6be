using CsCheck;
using Hearsay.Core.Documents;
using Hearsay.Nlp.Tokenization;

namespace Hearsay.Nlp.Tests.Tokenization;

public class TokenizerTests
{
    private static string[] Words(string text) => [.. Tokenizer.Tokenize(text).Select(t => text.Substring(t.Start, t.Range.Length))];

    [Theory]
    [InlineData("Massoud’s forces", new[] { "Massoud", "’s", "forces" })]
    [InlineData("Massoud's forces", new[] { "Massoud", "'s", "forces" })]
    [InlineData("I don't know.", new[] { "I", "do", "n't", "know", "." })]
    [InlineData("We can't, won't and cannot.", new[] { "We", "ca", "n't", ",", "wo", "n't", "and", "can", "not", "." })]
    [InlineData("They're here and we'll go, I'm sure.", new[] { "They", "'re", "here", "and", "we", "'ll", "go", ",", "I", "'m", "sure", "." })]
    [InlineData("Al-Qaeda claimed it.", new[] { "Al", "-", "Qaeda", "claimed", "it", "." })]
    [InlineData("an e-mail on 9/11", new[] { "an", "e-mail", "on", "9/11" })]
    [InlineData("KABUL (Reuters) - Taliban", new[] { "KABUL", "(", "Reuters", ")", "-", "Taliban" })]
    [InlineData("Mr. Smith of the U.S. said", new[] { "Mr.", "Smith", "of", "the", "U.S.", "said" })]
    [InlineData("It cost $1,000.50 or 5%.", new[] { "It", "cost", "$", "1,000.50", "or", "5", "%", "." })]
    [InlineData("See https://example.com/a-b?x=1.", new[] { "See", "https://example.com/a-b?x=1", "." })]
    [InlineData("“We will fight,” he said.", new[] { "“", "We", "will", "fight", ",", "”", "he", "said", "." })]
    [InlineData("\"No,\" he said...", new[] { "\"", "No", ",", "\"", "he", "said", "..." })]
    [InlineData("Apple Inc. and J. R. R. Tolkien", new[] { "Apple", "Inc.", "and", "J.", "R.", "R.", "Tolkien" })]
    [InlineData("the 1990s—or the '90s", new[] { "the", "1990s", "—", "or", "the", "'90s" })]
    [InlineData("a 15-year term", new[] { "a", "15", "-", "year", "term" })]
    [InlineData("at 10:30 a.m. Monday", new[] { "at", "10:30", "a.m.", "Monday" })]
    [InlineData("the Joneses' house", new[] { "the", "Joneses", "'", "house" })]
    public void Splits_news_english_like_UD(string text, string[] expected) => Words(text).ShouldBe(expected);

    [Fact]
    public void Tokens_keep_trailing_whitespace()
    {
        const string text = "  Hello,\n\n world ";
        var tokens = Tokenizer.Tokenize(text);
        tokens.Select(t => t.WhitespaceLength).ShouldBe(new[] { 0, 3, 1 });
        tokens[0].Start.ShouldBe(2);
    }

    [Fact]
    public void Whitespace_only_text_has_no_tokens() => Tokenizer.Tokenize(" \n\t ").ShouldBeEmpty();

    private static readonly Gen<string> NewsLikeText = Gen.String[
        Gen.Frequency(
            (6, Gen.Char["abcXYZ019 "]),
            (3, Gen.Char[".,;:!?'\"’‘“”()[]-—–/$%…@`\n\r\t"]),
            (1, Gen.Char),
            (1, Gen.Char['\u00A0', '\uFFFF'])),
        0,
        80];

    [Fact]
    public void Tokens_rejoin_to_the_text_exactly()
    {
        NewsLikeText.Sample(text =>
        {
            var tokens = Tokenizer.Tokenize(text);
            int at = tokens.Length == 0 ? text.Length : tokens[0].Start;
            string.IsNullOrWhiteSpace(text[..at]).ShouldBeTrue();
            var joined = new System.Text.StringBuilder(text[..at]);
            foreach (var t in tokens)
            {
                t.Range.Length.ShouldBeGreaterThan(0);
                string.IsNullOrWhiteSpace(text.Substring(t.Start, t.Range.Length)).ShouldBeFalse();
                joined.Append(text, t.Start, t.Range.Length + t.WhitespaceLength);
                string.IsNullOrWhiteSpace(text.Substring(t.End, t.WhitespaceLength)).ShouldBeTrue();
            }

            joined.ToString().ShouldBe(text);
        });
    }

    [Fact]
    public void Sentences_cover_every_token_once()
    {
        NewsLikeText.Sample(text =>
        {
            var tokens = Tokenizer.Tokenize(text);
            var sentences = SentenceSplitter.Split(text, tokens);
            int next = 0;
            foreach (var s in sentences)
            {
                s.Tokens.Start.ShouldBe(next);
                s.Tokens.Length.ShouldBeGreaterThan(0);
                s.Range.ShouldBe(new CharRange(tokens[s.Tokens.Start].Start, tokens[s.Tokens.End - 1].End));
                next = s.Tokens.End;
            }

            next.ShouldBe(tokens.Length);
        });
    }
}
