using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Conllu;

/// <summary>
/// Tagging and parsing counts in the manner of the CoNLL 2018 UD scorer: words are aligned by character span
/// (identical with gold tokens), and UPOS, XPOS, lemma, UAS and LAS are F1 over aligned words (accuracy when
/// the tokens are gold). LAS compares the universal part of the relation (before ':'), as that scorer does.
/// </summary>
public sealed class SyntaxScores
{
    public long GoldWords { get; private set; }

    public long PredictedWords { get; private set; }

    public long Aligned { get; private set; }

    public long Upos { get; private set; }

    public long Xpos { get; private set; }

    public long Lemma { get; private set; }

    public long Uas { get; private set; }

    public long Las { get; private set; }

    /// <summary>LAS with the full relation including its subtype (nmod:poss).</summary>
    public long LasFull { get; private set; }

    private double F(long correct) => GoldWords + PredictedWords == 0 ? 0 : 2.0 * correct / (GoldWords + PredictedWords);

    /// <summary>Scores a document whose tokens are exactly the gold words of <paramref name="sentences"/>, in order.</summary>
    public void AddGoldTokens(IReadOnlyList<ConlluSentence> sentences, Document predicted, bool parsed)
    {
        var tokens = predicted.Tokens;
        int t = 0;
        foreach (var s in sentences)
        {
            int first = t;
            foreach (var w in s.Words)
            {
                var p = tokens[t];
                GoldWords++;
                PredictedWords++;
                Aligned++;
                Count(w, p, parsed, p.Head < 0 ? 0 : p.Head - first + 1);
                t++;
            }
        }
    }

    private void Count(ConlluWord gold, Token p, bool parsed, int predictedHeadId)
    {
        if (p.Upos == gold.Upos)
        {
            Upos++;
        }

        if (p.Xpos == gold.Xpos)
        {
            Xpos++;
        }

        if (p.Lemma == gold.Lemma)
        {
            Lemma++;
        }

        if (parsed && predictedHeadId == gold.Head)
        {
            Uas++;
            if (Universal(p.DepRel).SequenceEqual(Universal(gold.DepRel)))
            {
                Las++;
            }

            if (p.DepRel == gold.DepRel)
            {
                LasFull++;
            }
        }
    }

    /// <summary>Scores a document analysed from the raw text of <paramref name="gold"/>.</summary>
    public void AddRaw(GoldDocument gold, Document predicted, bool parsed)
    {
        var tokens = predicted.Tokens;
        var byRange = new Dictionary<CharRange, int>(tokens.Length);
        for (int i = 0; i < tokens.Length; i++)
        {
            byRange.TryAdd(tokens[i].Range, i);
        }

        PredictedWords += tokens.Length;
        for (int si = 0; si < gold.Sentences.Count; si++)
        {
            var s = gold.Sentences[si];
            var ranges = gold.WordRanges[si];
            for (int wi = 0; wi < s.Words.Count; wi++)
            {
                GoldWords++;
                if (ranges[wi] is not { } r || !byRange.TryGetValue(r, out int pi))
                {
                    continue;
                }

                Aligned++;
                var w = s.Words[wi];
                var p = tokens[pi];
                bool headMatches;
                if (w.Head == 0)
                {
                    headMatches = p.Head < 0;
                }
                else
                {
                    var gh = ranges[w.Head - 1];
                    headMatches = p.Head >= 0 && gh is { } ghr && tokens[p.Head].Range == ghr;
                }

                Count(w, p, parsed, headMatches ? w.Head : -1);
            }
        }
    }

    private static ReadOnlySpan<char> Universal(string? rel)
    {
        if (rel is null)
        {
            return [];
        }

        int colon = rel.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? rel : rel.AsSpan(0, colon);
    }

    /// <summary>Metrics as fractions: upos, xpos, lemma, and uas/las/lasFull when parsed (plus words F1 from raw text).</summary>
    public Dictionary<string, object> ToMetrics(bool parsed, bool raw)
    {
        var m = new Dictionary<string, object>(StringComparer.Ordinal);
        if (raw)
        {
            m["words"] = Math.Round(F(Aligned), 4);
        }

        m["upos"] = Math.Round(F(Upos), 4);
        m["xpos"] = Math.Round(F(Xpos), 4);
        m["lemma"] = Math.Round(F(Lemma), 4);
        if (parsed)
        {
            m["uas"] = Math.Round(F(Uas), 4);
            m["las"] = Math.Round(F(Las), 4);
            m["lasFull"] = Math.Round(F(LasFull), 4);
        }

        return m;
    }
}
