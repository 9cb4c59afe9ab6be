using Hearsay.Core.Documents;
using Hearsay.Nlp.Coreference;
using Hearsay.Nlp.Learning;

namespace Hearsay.Nlp.Tests;

public class CorefPhraseExtentTests
{
    /// <summary>One parsed sentence: words with Penn tags, heads (sentence index, -1 for the root) and relations.</summary>
    private static Document Parse(params (string Word, string Tag, int Head, string Rel)[] words)
    {
        var doc = CorefResolverTests.Build([.. words.Select(w => (w.Word, w.Tag))]);
        var tokens = doc.Tokens;
        for (int i = 0; i < words.Length; i++)
        {
            tokens[i].Head = words[i].Head;
            tokens[i].DepRel = words[i].Rel;
        }

        return doc;
    }

    [Fact]
    public void AnOfPhraseBelongsToItsNoun()
    {
        var doc = Parse(("the", "DT", 1, "det"), ("leader", "NN", 5, "nsubj"), ("of", "IN", 4, "case"), ("the", "DT", 4, "det"), ("group", "NN", 1, "nmod"), ("said", "VBD", -1, "root"));
        PhraseExtent.End(doc, 0, 2, 1).ShouldBe(5);
    }

    [Fact]
    public void OtherPrepositionalPhrasesStayOut()
    {
        var doc = Parse(("the", "DT", 1, "det"), ("leader", "NN", 5, "nsubj"), ("in", "IN", 4, "case"), ("the", "DT", 4, "det"), ("town", "NN", 1, "nmod"), ("said", "VBD", -1, "root"));
        PhraseExtent.End(doc, 0, 2, 1).ShouldBe(2);
    }

    [Fact]
    public void AParticipleBelongsToItsNounUnlessSetOffByAComma()
    {
        var plain = Parse(("the", "DT", 1, "det"), ("troops", "NNS", 4, "nsubj"), ("stationed", "VBN", 1, "acl"), ("there", "RB", 2, "advmod"), ("left", "VBD", -1, "root"));
        PhraseExtent.End(plain, 0, 2, 1).ShouldBe(4);
        var comma = Parse(("the", "DT", 1, "det"), ("troops", "NNS", 6, "nsubj"), (",", ",", 3, "punct"), ("stationed", "VBN", 1, "acl"), ("there", "RB", 3, "advmod"), (",", ",", 3, "punct"), ("left", "VBD", -1, "root"));
        PhraseExtent.End(comma, 0, 2, 1).ShouldBe(2);
    }

    [Fact]
    public void TheMeanOfModelsScoresTheMeanOfTheirScores()
    {
        var a = new SparseLinearModel.Builder(2);
        a.Add(FeatureHash.Feature(1, 1), [1f, 3f]);
        a.Add(FeatureHash.Feature(1, 2), [0f, 2f]);
        var b = new SparseLinearModel.Builder(2);
        b.Add(FeatureHash.Feature(1, 1), [3f, -1f]);
        b.Add(FeatureHash.Feature(1, 3), [4f, 0f]);
        var mean = SparseLinearModel.Mean([a.Build(), b.Build()]);
        mean.FeatureCount.ShouldBe(3);
        var scores = new float[2];
        mean.Score([FeatureHash.Feature(1, 1)], scores);
        scores.ShouldBe([2f, 1f]);
        mean.Score([FeatureHash.Feature(1, 2), FeatureHash.Feature(1, 3)], scores);
        scores.ShouldBe([2f, 1f]);
    }
}
