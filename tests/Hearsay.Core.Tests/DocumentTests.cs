using Hearsay.Core.Documents;

namespace Hearsay.Core.Tests;

public class DocumentTests
{
    private static Document Tokenized(string text, params (int Start, int End)[] spans)
    {
        var doc = new Document(text);
        var tokens = new Token[spans.Length];
        for (int i = 0; i < spans.Length; i++)
        {
            int next = i + 1 < spans.Length ? spans[i + 1].Start : text.Length;
            tokens[i] = new Token(new CharRange(spans[i].Start, spans[i].End), next - spans[i].End);
        }

        doc.SetTokens(tokens);
        return doc;
    }

    [Fact]
    public void Id_IsAContentHash()
    {
        new Document("a b").Id.ShouldBe(new Document("a b").Id);
        new Document("a b").Id.ShouldNotBe(new Document("a  b").Id);
        new Document("a b").Id.Length.ShouldBe(24);
    }

    [Fact]
    public void TokenAt_InsideWhitespace_ReturnsNextToken()
    {
        var doc = Tokenized("He said  it.", (0, 2), (3, 7), (9, 11), (11, 12));
        doc.TokenAt(0).ShouldBe(0);
        doc.TokenAt(2).ShouldBe(1);
        doc.TokenAt(8).ShouldBe(2);
        doc.TokenAt(11).ShouldBe(3);
        doc.TokenAt(12).ShouldBe(-1);
    }

    [Fact]
    public void TokenRangeOf_CoversOverlappingTokens()
    {
        var doc = Tokenized("He said  it.", (0, 2), (3, 7), (9, 11), (11, 12));
        doc.TokenRangeOf(new CharRange(3, 11)).ShouldBe(new TokenRange(1, 3));
        doc.CharRangeOf(new TokenRange(1, 3)).ShouldBe(new CharRange(3, 11));
    }

    [Fact]
    public void SettingALayer_MarksItPresent()
    {
        var doc = new Document("x");
        doc.Has(Layers.Tokens).ShouldBeFalse();
        doc.SetTokens([]);
        doc.Has(Layers.Tokens).ShouldBeTrue();
        doc.Has(Layers.Text).ShouldBeTrue();
    }
}
