using System.Text;
using Hearsay.Extraction.Html;

namespace Hearsay.Extraction.Tests;

public sealed class HtmlDecoderTests
{
    static HtmlDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Bom_wins()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("<p>Grüße</p>")];

        HtmlDecoder.Decode(bytes).ShouldBe("<p>Grüße</p>");
    }

    [Fact]
    public void Declared_latin1_is_read_as_windows_1252()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("<meta charset=\"iso-8859-1\"><p>„Straße“</p>");

        HtmlDecoder.Decode(bytes, out var name).ShouldContain("„Straße“");
        name.ShouldBe("windows-1252");
    }

    [Fact]
    public void Undeclared_invalid_utf8_falls_back_to_windows_1252()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("<p>Münster</p>");

        HtmlDecoder.Decode(bytes).ShouldBe("<p>Münster</p>");
    }

    [Fact]
    public void Undeclared_utf8_is_utf8()
    {
        HtmlDecoder.Decode(Encoding.UTF8.GetBytes("<p>武汉 Münster</p>")).ShouldBe("<p>武汉 Münster</p>");
    }
}
