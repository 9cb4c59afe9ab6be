using Hearsay.Nlp.Conllu;

namespace Hearsay.Nlp.Tests.Conllu;

public class ConlluTests
{
    private const string Sample =
        "# newdoc id = d1\n# newpar\n# sent_id = 1\n# text = I don't know.\n" +
        "1\tI\tI\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n" +
        "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
        "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n" +
        "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n" +
        "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No\n" +
        "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n" +
        "# sent_id = 2\n# text = Yes.\n" +
        "1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n" +
        "2\t.\t.\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n";

    [Fact]
    public void Reads_and_writes_back_the_same_text()
    {
        var sentences = ConlluReader.Read(new StringReader(Sample));
        sentences.Count.ShouldBe(2);
        sentences[0].MultiwordTokens.Single().Form.ShouldBe("don't");
        sentences[0].Words[3].NoSpaceAfter.ShouldBeTrue();
        sentences[0].NewDocument.ShouldBeTrue();
        var writer = new StringWriter();
        ConlluWriter.Write(writer, sentences);
        writer.ToString().ShouldBe(Sample);
    }

    [Fact]
    public void Raw_text_offsets_split_multiword_tokens_by_their_words()
    {
        var gold = ConlluDocuments.FromRawText(ConlluReader.Read(new StringReader(Sample)));
        gold.Text.ShouldBe("I don't know. Yes.");
        var words = gold.WordRanges[0].Select(r => gold.Text[r!.Value.Start..r.Value.End]).ToArray();
        words.ShouldBe(new[] { "I", "do", "n't", "know", "." });
        gold.SentenceRanges[1].Start.ShouldBe(14);
    }

    [Fact]
    public void Bad_lines_name_the_input_and_line()
    {
        var e = Should.Throw<FormatException>(() => ConlluReader.Read(new StringReader("1\tonly\tthree\n"), "x.conllu"));
        e.Message.ShouldStartWith("x.conllu:1:");
    }
}
