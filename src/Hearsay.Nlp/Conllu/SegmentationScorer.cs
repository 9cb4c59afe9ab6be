using Hearsay.Core.Documents;
using Hearsay.Core.Evaluation;

namespace Hearsay.Nlp.Conllu;

/// <summary>
/// Tokenization and sentence-boundary scores in the manner of the CoNLL 2018 scorer: a predicted word or
/// sentence is correct when its character span equals a gold one (sentence spans exclude surrounding whitespace).
/// </summary>
public static class SegmentationScorer
{
    public static PrecisionRecall Words(GoldDocument gold, ReadOnlySpan<Token> predicted)
    {
        var goldSet = new HashSet<CharRange>();
        foreach (var sentence in gold.WordRanges)
        {
            foreach (var r in sentence)
            {
                if (r is { } range)
                {
                    goldSet.Add(range);
                }
            }
        }

        var pr = new PrecisionRecall { FalseNegatives = goldSet.Count };
        var seen = new HashSet<CharRange>();
        foreach (var t in predicted)
        {
            if (!seen.Add(t.Range))
            {
                continue;
            }

            if (goldSet.Contains(t.Range))
            {
                pr.TruePositives++;
                pr.FalseNegatives--;
            }
            else
            {
                pr.FalsePositives++;
            }
        }

        return pr;
    }

    public static PrecisionRecall Sentences(GoldDocument gold, IReadOnlyList<Sentence> predicted)
    {
        var goldSet = new HashSet<CharRange>(gold.SentenceRanges);
        var pr = new PrecisionRecall { FalseNegatives = goldSet.Count };
        foreach (var s in predicted)
        {
            if (goldSet.Contains(s.Range))
            {
                pr.TruePositives++;
                pr.FalseNegatives--;
            }
            else
            {
                pr.FalsePositives++;
            }
        }

        return pr;
    }
}
