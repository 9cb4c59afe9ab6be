using Hearsay.Core.Documents;
using Hearsay.Nlp.Coreference;

namespace Hearsay.Nlp.Tests;

public class CorefCalendarTests
{
    [Fact]
    public void A_date_is_no_antecedent_for_his()
    {
        // The showcase's "On September 6, Massoud shared an audio message to his followers": the date phrase, headed by
        // its number, once had no animacy or number, and "his" went to it.
        (string Word, string Tag, int Head, string Rel)[] words =
        [
            ("On", "IN", 2, "case"), ("September", "NNP", 2, "compound"), ("6", "CD", 5, "obl"), (",", ",", 5, "punct"),
            ("Massoud", "NNP", 5, "nsubj"), ("shared", "VBD", -1, "root"), ("a", "DT", 7, "det"), ("message", "NN", 5, "obj"),
            ("to", "IN", 10, "case"), ("his", "PRP$", 10, "nmod:poss"), ("followers", "NNS", 5, "obl"), (".", ".", 5, "punct"),
        ];
        var doc = CorefSpeakerExtentTests.Parsed(words);
        doc.SetMentions([new Mention(doc.CharRangeOf(new TokenRange(4, 5)), new TokenRange(4, 5), EntityLabel.Person, MentionKind.Name)]);
        var prediction = new CoreferenceResolver(new CoreferenceOptions { RelativePronouns = false, FullPhrases = true }).Predict(doc, CancellationToken.None);
        prediction.Clusters.ShouldNotContain(c => c.Contains(new TokenRange(9, 10)) && c.Any(r => r.Start <= 2 && r.End > 2));
    }
}
