using Hearsay.Core.Documents;
using Hearsay.Nlp.Coreference;

namespace Hearsay.Nlp.Tests;

/// <summary>The premodifier rules of mention detection (<see cref="CoreferenceOptions.Premodifiers"/>, off by default).</summary>
public class CorefPremodifierTests
{
    /// <summary>The same phrase twice, so the sieve's exact match puts the two mentions in one cluster.</summary>
    private static Document Twice((string Word, string Tag, int Head, string Rel)[] phrase)
    {
        var words = new List<(string Word, string Tag, int Head, string Rel)>();
        foreach (int offset in new[] { 0, phrase.Length + 2 })
        {
            int verb = offset + phrase.Length;
            words.AddRange(phrase.Select(w => (w.Word, w.Tag, w.Head < 0 ? verb : w.Head + offset, w.Rel)));
            words.Add(("rose", "VBD", -1, "root"));
            words.Add((".", ".", verb, "punct"));
        }

        return CorefSpeakerExtentTests.Parsed([.. words]);
    }

    private static IReadOnlyList<IReadOnlyList<TokenRange>> Clusters(Document doc, bool premodifiers) =>
        new CoreferenceResolver(new CoreferenceOptions { RelativePronouns = false, BareNounExactMatch = true, Premodifiers = premodifiers })
            .Predict(doc, CancellationToken.None).Clusters;

    public static TheoryData<string, int> Phrases => new()
    {
        // phrase id, tokens the default rules leave out at the start
        { "most important", 2 },
        { "increased", 1 },
        { "purpose-built", 3 },
    };

    [Theory]
    [MemberData(nameof(Phrases))]
    public void Premodifiers_AreInTheMentionOnlyWithTheOption(string phrase, int cut)
    {
        (string Word, string Tag, int Head, string Rel)[] words = phrase switch
        {
            "most important" => [("the", "DT", 3, "det"), ("most", "RBS", 2, "advmod"), ("important", "JJ", 3, "amod"), ("factor", "NN", -1, "nsubj")],
            "increased" => [("increased", "VBN", 1, "amod"), ("pluralism", "NN", -1, "nsubj")],
            _ => [("purpose", "NN", 2, "compound"), ("-", "HYPH", 2, "punct"), ("built", "VBN", 3, "amod"), ("surroundings", "NNS", -1, "nsubj")],
        };
        var doc = Twice(words);
        int n = words.Length, second = n + 2;

        Clusters(doc, premodifiers: true).ShouldContain(c => c.Contains(new TokenRange(0, n)) && c.Contains(new TokenRange(second, second + n)));
        var plain = Clusters(doc, premodifiers: false);
        plain.ShouldNotContain(c => c.Contains(new TokenRange(0, n)));
        plain.ShouldContain(c => c.Contains(new TokenRange(cut, n)) && c.Contains(new TokenRange(second + cut, second + n)));
    }

    [Fact]
    public void Premodifiers_LeaveAVerbWithItsObjectOut()
    {
        // "collecting data": the participle governs the noun (not amod), so the mention is "data" with or without the option.
        var doc = Twice([("collecting", "VBG", -1, "csubj"), ("data", "NNS", 0, "obj")]);
        Clusters(doc, premodifiers: true).ShouldContain(c => c.Contains(new TokenRange(1, 2)) && c.Contains(new TokenRange(5, 6)));
    }
}
