using Hearsay.Attribution.Tagging;
using Hearsay.Core.Documents;

namespace Hearsay.Attribution.Corpus;

/// <summary>
/// Turns a brat document into tagger units with the labelling scheme of PolNeAR's sentence
/// files: a token takes the role of the annotated fragment it overlaps; B- opens each fragment
/// within a unit, I- continues it. Units are paragraphs (sentences up to a line break), as the
/// lines of the published sentence files are, so quotes over several sentences stay one span.
/// </summary>
public static class BratSentenceLabeler
{
    /// <summary>Runs of sentences up to a line break: the unit the tagger is trained and applied on.</summary>
    public static List<Sentence> Paragraphs(Document doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var result = new List<Sentence>();
        var tokens = doc.Tokens;
        int first = -1;
        foreach (var s in doc.Sentences)
        {
            if (s.Tokens.IsEmpty)
            {
                continue;
            }

            if (first < 0)
            {
                first = s.Tokens.Start;
            }

            int last = s.Tokens.End - 1;
            bool lineBreak = doc.Text.AsSpan(tokens[last].End, tokens[last].WhitespaceLength).Contains('\n') || last == tokens.Length - 1;
            if (lineBreak)
            {
                result.Add(new Sentence(new TokenRange(first, last + 1), new CharRange(tokens[first].Start, tokens[last].End)));
                first = -1;
            }
        }

        if (first >= 0)
        {
            int last = doc.Sentences[^1].Tokens.End - 1;
            result.Add(new Sentence(new TokenRange(first, last + 1), new CharRange(tokens[first].Start, tokens[last].End)));
        }

        return result;
    }

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
        foreach (var s in Paragraphs(analysed))
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
