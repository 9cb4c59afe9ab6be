using Hearsay.Attribution.Tagging;
using Hearsay.Core.Documents;

namespace Hearsay.Attribution.Tests;

public class WordClassFeatureTests
{
    private static readonly WordClass Speech = new(3, 70);
    private static readonly WordClass Name = new(5, 90);
    private static readonly WordClass Other = new(9, 200);

    // Each speech verb is a cue too rarely to enter the cue lexicon (3 uses), so only its class tells that an unseen one is a cue.
    private static readonly string[] Verbs = ["said", "claimed", "insisted", "argued", "stated", "added", "noted", "warned", "declared", "asserted", "replied", "stressed"];

    private static WordClass ClassOf(string w) => w switch
    {
        "proclaimed" => Speech,
        _ when Verbs.Contains(w) => Speech,
        "Ann" or "Bob" or "Cy" or "Dee" or "Gil" => Name,
        "." or "," => default,
        _ => Other,
    };

    private static LabeledSentence S(string text, string labels)
    {
        var words = text.Split(' ');
        return new("t", words, null, labels.Split(' ').Select(l => BioLabels.Parse(l)!.Value).ToArray(), Classes: words.Select(ClassOf).ToArray());
    }

    private static List<LabeledSentence> Toy()
    {
        var data = new List<LabeledSentence>();
        string[] names = ["Ann", "Bob", "Cy", "Dee"];
        for (int k = 0; k < Verbs.Length; k++)
        {
            string n = names[k % names.Length], v = Verbs[k];
            data.Add(S($"{n} {v} the deal was off .", "B-source B-cue B-content I-content I-content I-content O"));
            data.Add(S($"The deal was off , {n} {v} .", "B-content I-content I-content I-content O B-source B-cue O"));
            data.Add(S($"{n} ate the cake .", "O O O O O"));
        }

        return data;
    }

    private static List<ulong> FeaturesOf(string[] words, WordClass[]? classes, int token)
    {
        var extractor = new FeatureExtractor(new CueLexicon(new Dictionary<string, float> { ["said"] = 0.9f }));
        var features = new List<ulong>();
        var offsets = new int[words.Length + 1];
        extractor.Extract(words, null, features, offsets, classes: classes);
        return features.GetRange(offsets[token], offsets[token + 1] - offsets[token]);
    }

    [Fact]
    public void ClassFeaturesOnlyWhenClassesAreGiven()
    {
        var words = "Gil proclaimed victory .".Split(' ');
        var classes = words.Select(ClassOf).ToArray();
        FeaturesOf(words, classes, 1).ShouldContain(FeatureHash.Of(81, "70"));
        FeaturesOf(words, classes, 1).ShouldContain(FeatureHash.Of(80, "3"));
        FeaturesOf(words, classes, 1).ShouldContain(FeatureHash.Of(86, "70", "-"));
        FeaturesOf(words, null, 1).ShouldNotContain(FeatureHash.Of(81, "70"));
        FeaturesOf(words, null, 1).Count.ShouldBeLessThan(FeaturesOf(words, classes, 1).Count);
    }

    [Fact]
    public void AnUnseenCueVerbOfASeenClassIsTaggedAndTheFlagSurvivesSaveLoad()
    {
        var tagger = new TaggerTrainer { Epochs = 5, Seed = 3, MinFeatureCount = 1, WordClassFeatures = true }.Train(Toy(), null, TextWriter.Null);
        tagger.UsesWordClasses.ShouldBeTrue();
        var words = "Ann proclaimed the deal was off .".Split(' ');
        var classes = words.Select(ClassOf).ToArray();
        var labels = tagger.Predict(words, classes: classes);
        labels.Select(BioLabels.Name).ShouldBe(["B-source", "B-cue", "B-content", "I-content", "I-content", "I-content", "O"]);

        var path = Path.Combine(Path.GetTempPath(), $"hearsay-attr-classes-{Environment.ProcessId}.bin.gz");
        try
        {
            tagger.Save(path, 0.0001f);
            var loaded = AttributionTagger.Load(path);
            loaded.UsesWordClasses.ShouldBeTrue();
            loaded.Predict(words, classes: classes).ShouldBe(labels);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ATaggerTrainedWithoutClassesIgnoresThem()
    {
        var tagger = new TaggerTrainer { Epochs = 5, Seed = 3, MinFeatureCount = 1 }.Train(Toy(), null, TextWriter.Null);
        tagger.UsesWordClasses.ShouldBeFalse();
        var words = "Gil proclaimed the deal was off .".Split(' ');
        tagger.Predict(words, classes: words.Select(ClassOf).ToArray()).ShouldBe(tagger.Predict(words));
        var path = Path.Combine(Path.GetTempPath(), $"hearsay-attr-noclasses-{Environment.ProcessId}.bin.gz");
        try
        {
            tagger.Save(path, 0.0001f);
            AttributionTagger.Load(path).UsesWordClasses.ShouldBeFalse();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheStageCarriesTheTokensClassesToATaggerTrainedWithThem()
    {
        var tagger = new TaggerTrainer { Epochs = 5, Seed = 3, MinFeatureCount = 1, WordClassFeatures = true }.Train(Toy(), null, TextWriter.Null);
        var stage = new AttributionExtractor(tagger, tagger);
        var doc = TestDocuments.Tokenized("Ann proclaimed the deal was off .");
        var tokens = doc.Tokens;
        for (int i = 0; i < tokens.Length; i++)
        {
            tokens[i].Xpos = "X";
            tokens[i].WordClass = ClassOf(doc.Slice(tokens[i].Range));
        }

        var withoutLayer = stage.TagSpans(doc);
        doc.MarkPresent(Layers.WordClasses);
        var spans = stage.TagSpans(doc);
        var cue = spans.Single(s => s.Role == AttributionRole.Cue);
        doc.Slice(doc.CharRangeOf(cue.Tokens)).ShouldBe("proclaimed");
        withoutLayer.ShouldNotContain(s => s.Role == AttributionRole.Cue && doc.Slice(doc.CharRangeOf(s.Tokens)) == "proclaimed");
    }
}
