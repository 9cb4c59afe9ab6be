using Hearsay.Core.Documents;
using Hearsay.Nlp.Conllu;
using Hearsay.Nlp.Coreference;

namespace Hearsay.Nlp.Tests;

public class CorefRankerTests
{
    private static Document Build((string Word, string Tag)[] words, params (int Start, int End, EntityLabel Label)[] names) => CorefResolverTests.Build(words, names);

    private static int EntityAt(Document doc, int start, int end) => doc.Mentions.First(m => m.Tokens.Start == start && m.Tokens.End == end).EntityIndex;

    /// <summary>"NAME arrived . He spoke . OTHER left .": the pronoun is the first name's; gold as GUM would mark it.</summary>
    private static CorefDocument Story(string name, string other)
    {
        var doc = Build(
            [(name, "NNP"), ("arrived", "VBD"), (".", "."), ("He", "PRP"), ("spoke", "VBD"), (".", "."), (other, "NNP"), ("left", "VBD"), (".", ".")],
            (0, 1, EntityLabel.Person),
            (6, 7, EntityLabel.Person));
        CorefGoldMention[] gold =
        [
            new(new TokenRange(0, 1), "1", "person", null),
            new(new TokenRange(3, 4), "1", "person", null),
            new(new TokenRange(6, 7), "2", "person", null),
        ];
        return new CorefDocument("story_" + name, "news", doc, Array.Empty<ConlluSentence>(), gold);
    }

    [Fact]
    public void TrainedRankerLinksThePronounAndSurvivesSaveAndLoad()
    {
        var train = new[] { Story("Smith", "Jones"), Story("Brown", "Green"), Story("White", "Black"), Story("Adams", "Clark") };
        var options = new CoreferenceOptions { RelativePronouns = false };
        var ranker = MentionRankerTrainer.Train(train, options, epochs: 3, seed: 1, version: "rank-test", sieveFeatures: true, TextWriter.Null);
        var path = Path.Combine(Path.GetTempPath(), "hearsay-coref-" + Guid.NewGuid().ToString("N") + ".bin");
        try
        {
            ranker.Save(path);
            var loaded = MentionRanker.Load(path);
            loaded.Version.ShouldBe("rank-test");
            loaded.SieveFeatures.ShouldBeTrue();
            loaded.Weights.FeatureCount.ShouldBe(ranker.Weights.FeatureCount);

            var doc = Story("Miller", "Baker").Document;
            var resolver = new CoreferenceResolver(new CoreferenceOptions { RelativePronouns = false, Ranker = loaded });
            resolver.Version.ShouldBe("coref-sieve-1+rank-test");
            resolver.Process(doc, CancellationToken.None);
            int miller = EntityAt(doc, 0, 1);
            miller.ShouldBeGreaterThanOrEqualTo(0);
            EntityAt(doc, 3, 4).ShouldBe(miller);
            EntityAt(doc, 6, 7).ShouldNotBe(miller);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TrainingIsReproducibleWithTheSameSeed()
    {
        var train = new[] { Story("Smith", "Jones"), Story("Brown", "Green"), Story("White", "Black") };
        var options = new CoreferenceOptions { RelativePronouns = false };
        var a = MentionRankerTrainer.Train(train, options, 2, 7, "a", true, TextWriter.Null);
        var b = MentionRankerTrainer.Train(train, options, 2, 7, "b", true, TextWriter.Null);
        a.Weights.FeatureCount.ShouldBe(b.Weights.FeatureCount);
        a.Weights.WeightCount.ShouldBe(b.Weights.WeightCount);
    }

    [Fact]
    public void LoadRejectsAFileThatIsNotARankingModel()
    {
        var path = Path.Combine(Path.GetTempPath(), "hearsay-coref-" + Guid.NewGuid().ToString("N") + ".bin");
        try
        {
            using (var file = File.Create(path))
            using (var gz = new System.IO.Compression.GZipStream(file, System.IO.Compression.CompressionLevel.Fastest))
            {
                gz.Write([1, 2, 3, 4, 5, 6, 7, 8]);
            }

            Should.Throw<InvalidDataException>(() => MentionRanker.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ProvinceTakesUpAValleyNotTheNearerCountry()
    {
        var doc = Build(
            [("Panjshir", "NNP"), ("Valley", "NNP"), ("is", "VBZ"), ("quiet", "JJ"), (",", ","), ("Turkey", "NNP"), ("said", "VBD"), (",", ","), ("and", "CC"), ("the", "DT"), ("province", "NN"), ("waits", "VBZ"), (".", ".")],
            (0, 2, EntityLabel.Loc),
            (5, 6, EntityLabel.Loc));
        new CoreferenceResolver().Process(doc, CancellationToken.None);
        int valley = EntityAt(doc, 0, 2);
        EntityAt(doc, 9, 11).ShouldBe(valley);
        EntityAt(doc, 5, 6).ShouldNotBe(valley);
    }

    [Fact]
    public void CountryTakesUpACountryNotAValley()
    {
        var doc = Build(
            [("Afghanistan", "NNP"), ("and", "CC"), ("Panjshir", "NNP"), ("Valley", "NNP"), ("wait", "VBP"), (";", ":"), ("the", "DT"), ("country", "NN"), ("holds", "VBZ"), (".", ".")],
            (0, 1, EntityLabel.Loc),
            (2, 4, EntityLabel.Loc));
        new CoreferenceResolver().Process(doc, CancellationToken.None);
        int country = EntityAt(doc, 0, 1);
        EntityAt(doc, 6, 8).ShouldBe(country);
        EntityAt(doc, 2, 4).ShouldNotBe(country);
    }

    [Fact]
    public void ProperNounRunModifyingACommonNounIsAMention()
    {
        var doc = Build(
            [("his", "PRP$"), ("Global", "NNP"), ("Voices", "NNPS"), ("community", "NN"), ("grew", "VBD"), (";", ":"), ("Global", "NNP"), ("Voices", "NNPS"), ("thrived", "VBD"), (".", ".")],
            (6, 8, EntityLabel.Org));
        new CoreferenceResolver().Process(doc, CancellationToken.None);
        int name = EntityAt(doc, 6, 8);
        name.ShouldBeGreaterThanOrEqualTo(0);
        EntityAt(doc, 1, 3).ShouldBe(name);
    }

    /// <summary>"NOUN seekers wait . NOUN claims rose . The office opened . The office closed .": GUM marks the repeated offices, not the compound modifiers.</summary>
    private static CorefDocument Offices(string noun)
    {
        (string Word, string Tag, int Head, string Rel)[] words =
        [
            (noun, "NN", 1, "compound"), ("seekers", "NNS", 2, "nsubj"), ("wait", "VBP", -1, "root"), (".", ".", 2, "punct"),
            (noun, "NN", 5, "compound"), ("claims", "NNS", 6, "nsubj"), ("rose", "VBD", -1, "root"), (".", ".", 6, "punct"),
            ("The", "DT", 9, "det"), ("office", "NN", 10, "nsubj"), ("opened", "VBD", -1, "root"), (".", ".", 10, "punct"),
            ("The", "DT", 13, "det"), ("office", "NN", 14, "nsubj"), ("closed", "VBD", -1, "root"), (".", ".", 14, "punct"),
        ];
        CorefGoldMention[] gold =
        [
            new(new TokenRange(0, 2), "1", "person", null),
            new(new TokenRange(4, 6), "2", "abstract", null),
            new(new TokenRange(8, 10), "3", "organization", null),
            new(new TokenRange(12, 14), "3", "organization", null),
        ];
        return new CorefDocument("offices_" + noun, "news", CorefSpeakerExtentTests.Parsed(words), Array.Empty<ConlluSentence>(), gold);
    }

    [Fact]
    public void PairRelationsAreAnOptionTheModelFileKeeps()
    {
        var train = new[] { Offices("asylum"), Offices("visa"), Offices("tax"), Offices("border") };
        var options = new CoreferenceOptions { RelativePronouns = false, FullPhrases = true };
        var plain = MentionRankerTrainer.Train(train, options, epochs: 3, seed: 1, version: "rank-test", sieveFeatures: true, TextWriter.Null);
        var related = MentionRankerTrainer.Train(train, options, epochs: 3, seed: 1, version: "rank-test", sieveFeatures: true, TextWriter.Null, variants: RankerVariants.PairRelations);
        plain.PairRelations.ShouldBeFalse();
        related.PairRelations.ShouldBeTrue();
        related.Weights.FeatureCount.ShouldBeGreaterThan(plain.Weights.FeatureCount);

        var path = Path.Combine(Path.GetTempPath(), "hearsay-coref-" + Guid.NewGuid().ToString("N") + ".bin");
        try
        {
            plain.Save(path);
            MentionRanker.Load(path).PairRelations.ShouldBeFalse();
            related.Save(path);
            var loaded = MentionRanker.Load(path);
            loaded.PairRelations.ShouldBeTrue();
            loaded.Extent.ShouldNotBeNull();
            loaded.Weights.FeatureCount.ShouldBe(related.Weights.FeatureCount);

            // Other variants take the HCR4 layout and come back as trained.
            var variants = RankerVariants.PairRelations | RankerVariants.ItFrames | RankerVariants.Premodifiers;
            var all = MentionRankerTrainer.Train(train, options, epochs: 3, seed: 1, version: "rank-test", sieveFeatures: true, TextWriter.Null, variants: variants);
            all.Save(path);
            MentionRanker.Load(path).Variants.ShouldBe(variants);

            // The repeated office is one entity; the two compound modifiers are not put together.
            var doc = Offices("trade").Document;
            var resolver = new CoreferenceResolver(new CoreferenceOptions { RelativePronouns = false, FullPhrases = true, Ranker = loaded, Extent = loaded.Extent });
            var clusters = resolver.Predict(doc, CancellationToken.None).Clusters;
            clusters.ShouldContain(c => c.Contains(new TokenRange(8, 10)) && c.Contains(new TokenRange(12, 14)));
            clusters.ShouldNotContain(c => c.Contains(new TokenRange(0, 1)) && c.Contains(new TokenRange(4, 5)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Synthetic contextual vectors: token t points along axis t mod 8, so "He" (3) shares its direction with nothing but what the test sets.</summary>
    private static CorefDocument WithVectors(CorefDocument d)
    {
        const int dimension = 8;
        var values = new float[d.Document.Tokens.Length * dimension];
        for (int t = 0; t < d.Document.Tokens.Length; t++)
        {
            values[(t * dimension) + (t % dimension)] = 1f;
        }

        // The pronoun's context says it is the first name.
        values[(3 * dimension) + 0] = 1f;
        d.Document.SetContextVectors(new TokenVectors(values, dimension, "test"));
        return d;
    }

    [Fact]
    public void ContextRankerNeedsTheVectorsAndTheFileSaysSo()
    {
        var train = new[] { WithVectors(Story("Smith", "Jones")), WithVectors(Story("Brown", "Green")), WithVectors(Story("White", "Black")) };
        var options = new CoreferenceOptions { RelativePronouns = false, FullPhrases = true };
        var ranker = MentionRankerTrainer.Train(train, options, epochs: 3, seed: 1, version: "rank-test", sieveFeatures: true, TextWriter.Null, variants: RankerVariants.Context);
        ranker.NeedsContextVectors.ShouldBeTrue();
        var path = Path.Combine(Path.GetTempPath(), "hearsay-coref-" + Guid.NewGuid().ToString("N") + ".bin");
        try
        {
            ranker.Save(path);
            var loaded = MentionRanker.Load(path);
            loaded.Variants.ShouldBe(RankerVariants.Context);
            var resolver = new CoreferenceResolver(new CoreferenceOptions { RelativePronouns = false, FullPhrases = true, Ranker = loaded, Extent = loaded.Extent });
            resolver.Requires.HasFlag(Layers.ContextVectors).ShouldBeTrue();
            new CoreferenceResolver(options).Requires.HasFlag(Layers.ContextVectors).ShouldBeFalse();

            var doc = WithVectors(Story("Miller", "Baker")).Document;
            resolver.Process(doc, CancellationToken.None);
            EntityAt(doc, 3, 4).ShouldBe(EntityAt(doc, 0, 1));

            // Without the encoder stage the contextual model cannot score: it says so instead of guessing.
            Should.Throw<InvalidOperationException>(() => resolver.Predict(Story("Miller", "Baker").Document, CancellationToken.None));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
