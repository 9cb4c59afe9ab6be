using Hearsay.Core.Documents;
using Hearsay.Nlp.Conllu;
using Hearsay.Nlp.Coreference;

namespace Hearsay.Nlp.Tests;

public class CorefSpeakerExtentTests
{
    /// <summary>"I agree . I do not .": two sentences, one "I" each.</summary>
    private static Document Turns()
    {
        (string Word, string Tag)[] words = [("I", "PRP"), ("agree", "VBP"), (".", "."), ("I", "PRP"), ("do", "VBP"), ("not", "RB"), (".", ".")];
        var doc = CorefResolverTests.Build(words);
        int split = doc.Tokens[3].Start;
        doc.SetSentences([new Sentence(new TokenRange(0, 3), new CharRange(0, split - 1)), new Sentence(new TokenRange(3, 7), new CharRange(split, doc.Text.Length))]);
        return doc;
    }

    private static bool Together(CorefPrediction p) => p.Clusters.Any(c => c.Contains(new TokenRange(0, 1)) && c.Contains(new TokenRange(3, 4)));

    [Fact]
    public void FirstPersonPronounsOfDifferentSpeakersStayApart()
    {
        var resolver = new CoreferenceResolver(new CoreferenceOptions { RelativePronouns = false });
        Together(resolver.Predict(Turns(), ["Ann", "Bob"], CancellationToken.None)).ShouldBeFalse();
        Together(resolver.Predict(Turns(), ["Ann", "Ann"], CancellationToken.None)).ShouldBeTrue();

        // Articles have no speakers: one narrator's "I" throughout, as before.
        Together(resolver.Predict(Turns(), null, CancellationToken.None)).ShouldBeTrue();
    }

    [Fact]
    public void SpeakersComeFromTheTranscriptLines()
    {
        var a = new ConlluSentence();
        a.Comments.Add("# speaker = NickBos");
        var b = new ConlluSentence();
        var malformed = new ConlluSentence();
        malformed.Comments.Add("# speaker");
        var doc = new CorefDocument("d", "interview", CorefResolverTests.Build([("x", "NN")]), [a, b, malformed], []);
        doc.Speakers().ShouldBe(["NickBos", null, null]);
    }

    /// <summary>"the leader in the town spoke ." parsed; GUM-style gold takes the prepositional phrase into the mention.</summary>
    private static CorefDocument Leader(string noun)
    {
        (string Word, string Tag, int Head, string Rel)[] words =
        [
            ("the", "DT", 1, "det"), (noun, "NN", 5, "nsubj"), ("in", "IN", 4, "case"), ("the", "DT", 4, "det"), ("town", "NN", 1, "nmod"), ("spoke", "VBD", -1, "root"), (".", ".", 5, "punct"),
            ("the", "DT", 8, "det"), (noun, "NN", 9, "nsubj"), ("left", "VBD", -1, "root"), (".", ".", 9, "punct"),
        ];
        var doc = Parsed(words);
        CorefGoldMention[] gold =
        [
            new(new TokenRange(0, 5), "1", "person", null),
            new(new TokenRange(3, 5), "2", "place", null),
            new(new TokenRange(7, 9), "1", "person", null),
        ];
        return new CorefDocument("leader_" + noun, "news", doc, Array.Empty<ConlluSentence>(), gold);
    }

    [Fact]
    public void TheLearnedBoundaryTakesInWhatTheCorpusMarksAndIsSavedWithTheRanker()
    {
        var train = new[] { Leader("leader"), Leader("mayor"), Leader("teacher"), Leader("doctor") };
        var options = new CoreferenceOptions { RelativePronouns = false, FullPhrases = true };
        var ranker = MentionRankerTrainer.Train(train, options, epochs: 3, seed: 1, version: "rank-test", sieveFeatures: true, TextWriter.Null);
        ranker.Extent.ShouldNotBeNull();
        var doc = Leader("judge").Document;

        // The fixed rules keep "in" phrases out; the learned boundary follows the corpus.
        PhraseExtent.End(doc, 0, 2, 1).ShouldBe(2);
        ranker.Extent.End(doc, 0, 2, 1, name: false).ShouldBe(5);
        var path = Path.Combine(Path.GetTempPath(), "hearsay-coref-" + Guid.NewGuid().ToString("N") + ".bin");
        try
        {
            ranker.Save(path);
            var loaded = MentionRanker.Load(path);
            loaded.Extent.ShouldNotBeNull();
            loaded.Extent.End(doc, 0, 2, 1, name: false).ShouldBe(5);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>"Ann lives in CITY , OK . CITY grew ." with "OK" parsed as a conjunct of the city, as the parser often does.</summary>
    private static CorefDocument Town(string city)
    {
        (string Word, string Tag, int Head, string Rel)[] words =
        [
            ("Ann", "NNP", 1, "nsubj"), ("lives", "VBZ", -1, "root"), ("in", "IN", 3, "case"), (city, "NNP", 1, "obl"), (",", ",", 5, "punct"), ("OK", "NNP", 3, "conj"), (".", ".", 1, "punct"),
            (city, "NNP", 8, "nsubj"), ("grew", "VBD", -1, "root"), (".", ".", 8, "punct"),
        ];
        var doc = Parsed(words);
        CorefGoldMention[] gold =
        [
            new(new TokenRange(3, 6), "1", "place", null),
            new(new TokenRange(7, 8), "1", "place", null),
        ];
        return new CorefDocument("town_" + city, "news", doc, Array.Empty<ConlluSentence>(), gold);
    }

    [Fact]
    public void APlaceTailParsedAsAConjunctIsACandidateButAListIsNot()
    {
        var train = new[] { Town("Vinita"), Town("Tulsa"), Town("Enid"), Town("Lawton") };
        var options = new CoreferenceOptions { RelativePronouns = false, FullPhrases = true };
        var ranker = MentionRankerTrainer.Train(train, options, epochs: 3, seed: 1, version: "rank-test", sieveFeatures: true, TextWriter.Null);
        ranker.Extent.ShouldNotBeNull();

        // GUM marks "Norman, OK" as one mention.
        var doc = Town("Norman").Document;
        ranker.Extent.End(doc, 3, 4, 3, name: true).ShouldBe(6);

        // "Norman, OK and Texas" is a list: the coordination stays a mention of its own.
        (string Word, string Tag, int Head, string Rel)[] words =
        [
            ("Ann", "NNP", 1, "nsubj"), ("lives", "VBZ", -1, "root"), ("in", "IN", 3, "case"), ("Norman", "NNP", 1, "obl"), (",", ",", 5, "punct"), ("OK", "NNP", 3, "conj"), ("and", "CC", 7, "cc"), ("Texas", "NNP", 3, "conj"), (".", ".", 1, "punct"),
        ];
        ranker.Extent.End(Parsed(words), 3, 4, 3, name: true).ShouldBe(4);
    }

    /// <summary>A document of the given words with their tags and dependency parse (heads are 0-based, -1 for the root).</summary>
    internal static Document Parsed((string Word, string Tag, int Head, string Rel)[] words)
    {
        var doc = CorefResolverTests.Build([.. words.Select(w => (w.Word, w.Tag))]);
        for (int i = 0; i < words.Length; i++)
        {
            doc.Tokens[i].Head = words[i].Head;
            doc.Tokens[i].DepRel = words[i].Rel;
        }

        doc.MarkPresent(Layers.Dependencies);
        return doc;
    }
}
