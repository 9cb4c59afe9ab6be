using System.Text;
using Hearsay.Ingest.Files;

namespace Hearsay.Ingest.Tests;

public sealed class InputReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hearsay-ingest-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void Read_Utf8Text_DecodesExactly()
    {
        var path = Write("a.txt", Encoding.UTF8.GetBytes("Al-Arabiya reported “it”.\n"));
        var r = new InputReader().Read(path);
        r.Problem.ShouldBeNull();
        r.Input!.Text.ShouldBe("Al-Arabiya reported “it”.\n");
        r.Input.Kind.ShouldBe(InputKind.PlainText);
    }

    [Fact]
    public void Read_Utf8Bom_IsStrippedFromText()
    {
        var path = Write("bom.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Hi")]);
        new InputReader().Read(path).Input!.Text.ShouldBe("Hi");
    }

    [Fact]
    public void Read_HtmlWithMetaCharset_UsesIt()
    {
        var latin1 = Encoding.Latin1.GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><body><p>Müller sagte: “ja”</p></body></html>".Replace("“", "\"").Replace("”", "\""));
        var r = new InputReader().Read(Write("p.html", latin1));
        r.Input!.Text.ShouldContain("Müller");
        r.Input.Kind.ShouldBe(InputKind.Html);
    }

    [Fact]
    public void Read_Latin1TextWithoutDeclaration_IsDetected()
    {
        var text = string.Concat(Enumerable.Repeat("Der Bürgermeister erklärte, die Straße sei während der Überschwemmung gesperrt worden. ", 5));
        var r = new InputReader().Read(Write("de.txt", Encoding.Latin1.GetBytes(text)));
        r.Problem.ShouldBeNull();
        r.Input!.Text.ShouldContain("Bürgermeister");
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("empty")]
    [InlineData("binary")]
    [InlineData("whitespace")]
    [InlineData("toolarge")]
    public void Read_BadInput_GivesOneReasonNamingTheFile(string kind)
    {
        var reader = new InputReader(new InputReaderOptions { MaxBytes = 1000 });
        var path = kind switch
        {
            "missing" => Path.Combine(_dir, "nope.txt"),
            "empty" => Write("empty.txt", []),
            "binary" => Write("bin.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A]),
            "whitespace" => Write("ws.txt", "  \n\t "u8.ToArray()),
            _ => Write("big.txt", Encoding.ASCII.GetBytes(new string('a', 2000))),
        };

        var r = reader.Read(path);

        r.Input.ShouldBeNull();
        r.Problem!.Path.ShouldBe(path);
        r.Problem.ToString().ShouldStartWith(path + ": ");
        var expected = kind switch
        {
            "missing" => "no such file",
            "empty" => "empty",
            "binary" => "binary",
            "whitespace" => "whitespace",
            _ => "limit",
        };
        r.Problem.Reason.ShouldContain(expected);
    }

    [Fact]
    public void Expand_Folder_YieldsTextAndHtmlFilesSorted()
    {
        Write("b.html", "<p>x</p>"u8.ToArray());
        Write("a.txt", "x"u8.ToArray());
        Write("c.png", [1, 2]);
        var files = new InputReader().Expand([_dir]).Select(Path.GetFileName).ToList();
        files.ShouldBe(["a.txt", "b.html"]);
    }
}
