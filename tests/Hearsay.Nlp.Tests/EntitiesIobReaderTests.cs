using Hearsay.Core.Documents;
using Hearsay.Nlp.Entities;

namespace Hearsay.Nlp.Tests;

public class EntitiesIobReaderTests
{
    [Fact]
    public void Reads_uner_columns_and_skips_comments()
    {
        const string data = "# sent_id = x\n# text = Al-Zaman : in tampa bay\n1\tAl\tB-ORG\t-\n2\t-\tI-ORG\t-\n3\tZaman\tI-ORG\t-\n4\t:\tO\t-\n5\tin\tO\t-\n6\ttampa\tB-LOC\tx\n7\tbay\tI-LOC\tx\n\n";
        var s = IobReader.Read(new StringReader(data), "t").ShouldHaveSingleItem();
        s.Words.ShouldBe(["Al", "-", "Zaman", ":", "in", "tampa", "bay"]);
        s.Spans.ShouldBe([new EntitySpan(0, 3, EntityLabel.Org), new EntitySpan(5, 7, EntityLabel.Loc)]);
    }

    [Fact]
    public void Iob1_continuation_and_b_between_adjacent_names()
    {
        // WikiGold is IOB1: I- opens a name; B- separates two adjacent names of one type.
        const string data = "The I-ORG\nMad I-ORG\nCapsule I-ORG\nmet O\nJohn I-PER\nPaul B-PER\n. O\n";
        var s = IobReader.Read(new StringReader(data), "t").ShouldHaveSingleItem();
        s.Spans.ShouldBe([new EntitySpan(0, 3, EntityLabel.Org), new EntitySpan(4, 5, EntityLabel.Person), new EntitySpan(5, 6, EntityLabel.Person)]);
    }

    [Fact]
    public void Maps_corpus_labels_and_drops_unknown_ones()
    {
        const string data = "Apple\tB-corporation\niPhone\tB-product\nParis\tB-location\nBob\tB-person\nBeatles\tB-group\nFrench\tB-MISC\n";
        var s = IobReader.Read(new StringReader(data), "t").ShouldHaveSingleItem();
        s.Spans.Select(x => x.Label).ShouldBe([EntityLabel.Org, EntityLabel.Loc, EntityLabel.Person, EntityLabel.Org]);
    }

    [Fact]
    public void A_number_in_the_form_column_is_a_word_not_an_id()
    {
        // 'FORM POS TAG' (CoNLL style) and 'FORM GOLD PRED' (hearsay ner's output): the layout is the file's, so
        // "1990" stays the word instead of turning the next columns into form and tag.
        const string data = "In IN O\n1990 CD O\nFord NNP B-ORG\nsold VBD O\n";
        var s = IobReader.Read(new StringReader(data), "t").ShouldHaveSingleItem();
        s.Words.ShouldBe(["In", "1990", "Ford", "sold"]);
        s.Spans.ShouldBe([new EntitySpan(2, 3, EntityLabel.Org)]);
    }

    [Fact]
    public void A_line_with_one_column_is_a_clear_error()
    {
        var e = Should.Throw<InvalidDataException>(() => IobReader.Read(new StringReader("word\n"), "bad.iob2"));
        e.Message.ShouldContain("bad.iob2:1");
    }

    [Fact]
    public void Gum_named_mentions_are_trimmed_to_proper_nouns()
    {
        const string data =
            "# sent_id = a-1\n" +
            "1\tthe\tthe\tDET\tDT\t_\t3\tdet\t_\tEntity=(1-place-new-x-x-2-sgl\n" +
            "2\tUnited\tUnited\tPROPN\tNNP\t_\t3\tamod\t_\t_\n" +
            "3\tStates\tStates\tPROPN\tNNP\t_\t4\tnsubj\t_\tEntity=1)\n" +
            "4\twon\twin\tVERB\tVBD\t_\t0\troot\t_\t_\n" +
            "5\tgold\tgold\tNOUN\tNN\t_\t4\tobj\t_\tEntity=(2-object-new-x-x-1-sgl)\n\n";
        var s = GumNameReader.Read(new StringReader(data)).ShouldHaveSingleItem();
        s.Spans.ShouldBe([new EntitySpan(1, 3, EntityLabel.Loc)]);
    }
}
