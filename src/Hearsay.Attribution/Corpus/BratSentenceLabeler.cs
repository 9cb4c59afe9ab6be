using Hearsay.Attribution.Tagging;
using Hearsay.Core.Documents;

namespace Hearsay.Attribution.Corpus;

/// <summary>
/// Turns a brat document into tagger sentences with the labelling scheme of PolNeAR's sentence
/// files: a token takes the role of the annotated fragment it overlaps; B- opens each fragment
/// within a sentence, I- continues it.
/// </summary>
public static class BratSentenceLabeler
{
    public static List<LabeledSentence> Label(BratDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var analysed = NewsTokenizer.Analyze(doc.Text);
        var tokens = analysed.Tokens;

        // Per token: role label and the fragment it belongs to, so adjacent fragments stay separate spans.
        var role = new int[tokens.Length];
        var fragment = new int[tokens.Length];
        Array.Fill(fragment, -1);
        int fragId = 0;
        foreach (var a in doc.Attributions)
        {
            Mark(a.Source, AttributionRole.Source);
            Mark(a.Cue, AttributionRole.Cue);
            Mark(a.Content, AttributionRole.Content);
        }

        var result = new List<LabeledSentence>();
        foreach (var s in analysed.Sentences)
        {
            int n = s.Tokens.Length;
            var words = new string[n];
            var labels = new int[n];
            for (int k = 0; k < n; k++)
            {
                int t = s.Tokens.Start + k;
                words[k] = doc.Text.Substring(tokens[t].Start, tokens[t].Range.Length);
                if (role[t] == 0)
                {
                    continue;
                }

                var r = (AttributionRole)(role[t] - 1);
                bool continues = k > 0 && fragment[t - 1] == fragment[t];
                labels[k] = continues ? BioLabels.Inside(r) : BioLabels.Begin(r);
            }

            result.Add(new LabeledSentence(doc.Name + "_" + doc.Annotator, words, null, labels));
        }

        return result;

        void Mark(IReadOnlyList<CharRange> ranges, AttributionRole r)
        {
            foreach (var range in ranges)
            {
                var tr = analysed.TokenRangeOf(range);
                for (int t = tr.Start; t < tr.End; t++)
                {
                    if (role[t] == 0)
                    {
                        role[t] = 1 + (int)r;
                        fragment[t] = fragId;
                    }
                }

                fragId++;
            }
        }
    }
}
