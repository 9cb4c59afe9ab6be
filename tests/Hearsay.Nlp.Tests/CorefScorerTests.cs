using Hearsay.Core.Documents;
using Hearsay.Nlp.Conllu;
using Hearsay.Nlp.Coreference;

namespace Hearsay.Nlp.Tests;

public class CorefScorerTests
{
    private static TokenRange M(int i) => new(i, i + 1);

    [Fact]
    public void PerfectResponseScoresOne()
    {
        var key = new List<IReadOnlyList<TokenRange>> { new[] { M(0), M(2), M(4) }, new[] { M(1), M(3) } };
        var s = new CorefScorer(singletons: false);
        s.Add(key, key);
        s.ConllF1.ShouldBe(1.0, 1e-9);
    }

    [Fact]
    public void MatchesTheReferenceScorerOnTheClassicExample()
    {
        // Key {a b c d} {e f g}, response {a b} {c d} {f g h i} (Pradhan et al. 2014 example values).
        var key = new List<IReadOnlyList<TokenRange>> { new[] { M(0), M(1), M(2), M(3) }, new[] { M(4), M(5), M(6) } };
        var response = new List<IReadOnlyList<TokenRange>> { new[] { M(0), M(1) }, new[] { M(2), M(3) }, new[] { M(5), M(6), M(7), M(8) } };
        var s = new CorefScorer(singletons: true);
        s.Add(key, response);
        s.Muc.Recall.ShouldBe(3.0 / 5, 1e-9);
        s.Muc.Precision.ShouldBe(3.0 / 5, 1e-9);
        s.B3.Recall.ShouldBe((2 * 2.0 / 4 + 2 * 2.0 / 4 + 2 * 2.0 / 3) / 7, 1e-9);
        s.B3.Precision.ShouldBe((2 * 2.0 / 2 + 2 * 2.0 / 2 + 2 * 2.0 / 4) / 8, 1e-9);
        double phi = 2 * 2.0 / 6 + 2 * 2.0 / 7;
        s.CeafE.Recall.ShouldBe(phi / 2, 1e-9);
        s.CeafE.Precision.ShouldBe(phi / 3, 1e-9);
    }

    [Fact]
    public void SingletonsAreDroppedWithoutSingletons()
    {
        var key = new List<IReadOnlyList<TokenRange>> { new[] { M(0), M(1) }, new[] { M(2) } };
        var response = new List<IReadOnlyList<TokenRange>> { new[] { M(0), M(1) }, new[] { M(5) } };
        var s = new CorefScorer(singletons: false);
        s.Add(key, response);
        s.ConllF1.ShouldBe(1.0, 1e-9);
        var w = new CorefScorer(singletons: true);
        w.Add(key, response);
        w.ConllF1.ShouldBeLessThan(1.0);
    }

    [Fact]
    public void AssignmentFindsTheOptimum()
    {
        Assignment.MaximumWeight(new double[,] { { 1, 0.9 }, { 0.9, 0 } }).ShouldBe(1.8, 1e-9);
        Assignment.MaximumWeight(new double[,] { { 0.5 }, { 0.7 } }).ShouldBe(0.7, 1e-9);
    }

    [Fact]
    public void ReaderParsesNestedAndOneWordBrackets()
    {
        var s = new ConlluSentence { SentenceId = "d-1", NewDocument = true };
        s.Comments.Add("# newdoc id = GUM_news_test");
        string[] misc = ["Entity=(1-person-new-x-cf1-2-coref(2-place-new-x-cf2-1-coref-Santa_Catarina_%28state%29)", "Entity=1)", "_", "Entity=(1-person-giv-x-cf1-1-ana)"];
        for (int i = 0; i < misc.Length; i++)
        {
            s.Words.Add(new ConlluWord { Id = i + 1, Form = "w" + i, Misc = misc[i] });
        }

        var d = CorefConlluReader.FromSentences([s], "x");
        d.Genre.ShouldBe("news");
        d.Mentions.Count.ShouldBe(3);
        d.Mentions.ShouldContain(m => m.EntityId == "2" && m.Tokens == new TokenRange(0, 1) && m.Wikipedia == "Santa_Catarina_(state)");
        d.GoldClusters().Count.ShouldBe(2);
        d.GoldClusters()[0].ShouldBe([new TokenRange(0, 2), new TokenRange(3, 4)]);
    }

    [Fact]
    public void WriterOutputReadsBackAsTheSameClusters()
    {
        var s = new ConlluSentence { SentenceId = "d-1" };
        for (int i = 0; i < 5; i++)
        {
            s.Words.Add(new ConlluWord { Id = i + 1, Form = "w" + i, Misc = i == 0 ? "Entity=(9-person-x-x-x-1-sgl)" : "_" });
        }

        var clusters = new List<(IReadOnlyList<TokenRange>, string)>
        {
            (new[] { new TokenRange(0, 3), new TokenRange(4, 5) }, "person"),
            (new[] { new TokenRange(1, 2) }, "place"),
            (new[] { new TokenRange(2, 3) }, "abstract"),
        };
        var sw = new StringWriter();
        CorefConlluWriter.Write(sw, [s], clusters);
        var back = ConlluReader.Read(new StringReader(sw.ToString()), "x");
        var d = CorefConlluReader.FromSentences(back, "x");
        d.GoldClusters().Count.ShouldBe(3);
        d.GoldClusters()[0].ShouldBe([new TokenRange(0, 3), new TokenRange(4, 5)]);
    }

    [Fact]
    public void WriterClosesBeforeItOpensOnTheSameWord()
    {
        // A predicted entity may end a mention on the word where its next mention starts (crossing spans, as the
        // resolver can give them); written open-then-close, "(e1-person e1)" reads back as a one-word mention.
        var clusters = new List<(IReadOnlyList<TokenRange>, string)>
        {
            (new[] { new TokenRange(0, 2), new TokenRange(1, 4) }, "person"),
            (new[] { new TokenRange(1, 2) }, "place"),
        };
        var d = WrittenAndReadBack(4, clusters);
        d.GoldClusters()[0].ShouldBe([new TokenRange(0, 2), new TokenRange(1, 4)]);
        d.GoldClusters()[1].ShouldBe([new TokenRange(1, 2)]);
    }

    [Fact]
    public void WriterWritesASpanOnceInItsFirstCluster()
    {
        // The scorer keeps a span given twice in its first cluster; the written file must hold that same partition.
        var clusters = new List<(IReadOnlyList<TokenRange>, string)>
        {
            (new[] { new TokenRange(2, 4), new TokenRange(0, 1) }, "person"),
            (new[] { new TokenRange(0, 1), new TokenRange(1, 2), new TokenRange(1, 2) }, "place"),
        };
        var d = WrittenAndReadBack(4, clusters);
        d.Mentions.Count.ShouldBe(3);
        d.GoldClusters().Count.ShouldBe(2);
        d.GoldClusters()[0].ShouldBe([new TokenRange(0, 1), new TokenRange(2, 4)]);
        d.GoldClusters()[1].ShouldBe([new TokenRange(1, 2)]);
    }

    /// <summary>A sentence of <paramref name="words"/> words written with <paramref name="clusters"/>, then read back.</summary>
    private static CorefDocument WrittenAndReadBack(int words, List<(IReadOnlyList<TokenRange>, string)> clusters)
    {
        var s = new ConlluSentence { SentenceId = "d-1" };
        for (int i = 0; i < words; i++)
        {
            s.Words.Add(new ConlluWord { Id = i + 1, Form = "w" + i });
        }

        var sw = new StringWriter();
        CorefConlluWriter.Write(sw, [s], clusters);
        return CorefConlluReader.FromSentences(ConlluReader.Read(new StringReader(sw.ToString()), "x"), "x");
    }
}
