using System.Text;
using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Conllu;

/// <summary>Turns CoNLL-U sentences into documents: raw text with gold offsets, or gold tokens and sentences.</summary>
public static class ConlluDocuments
{
    /// <summary>Splits sentences into documents at <c># newdoc</c> (all in one document when there is none).</summary>
    public static List<List<ConlluSentence>> GroupByDocument(IReadOnlyList<ConlluSentence> sentences)
    {
        var docs = new List<List<ConlluSentence>>();
        foreach (var s in sentences)
        {
            if (docs.Count == 0 || s.NewDocument)
            {
                docs.Add([]);
            }

            docs[^1].Add(s);
        }

        return docs;
    }

    /// <summary>Raw text of one document from its <c># text</c> lines, with gold ranges.</summary>
    /// <exception cref="FormatException">A sentence has no <c># text</c> line.</exception>
    public static GoldDocument FromRawText(IReadOnlyList<ConlluSentence> sentences)
    {
        var sb = new StringBuilder();
        var sentenceRanges = new CharRange[sentences.Count];
        var wordRanges = new CharRange?[sentences.Count][];
        for (int si = 0; si < sentences.Count; si++)
        {
            var s = sentences[si];
            var text = (s.Text ?? throw new FormatException($"sentence {s.SentenceId ?? (si + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)} has no '# text' line.")).Trim();
            if (si > 0)
            {
                sb.Append(s.NewParagraph ? "\n\n" : " ");
            }

            int offset = sb.Length;
            sb.Append(text);
            sentenceRanges[si] = new CharRange(offset, offset + text.Length);
            wordRanges[si] = AlignWords(s, text, offset);
        }

        return new GoldDocument(sb.ToString(), sentences, sentenceRanges, wordRanges);
    }

    private static CharRange?[] AlignWords(ConlluSentence s, string text, int offset)
    {
        var ranges = new CharRange?[s.Words.Count];
        int p = 0;
        int wi = 0;
        while (wi < s.Words.Count)
        {
            var w = s.Words[wi];
            var mwt = s.MultiwordAt(w.Id);
            string surface = mwt?.Form ?? w.Form;
            while (p < text.Length && char.IsWhiteSpace(text[p]))
            {
                p++;
            }

            int start = p;
            if (string.CompareOrdinal(text, p, surface, 0, surface.Length) != 0)
            {
                int found = text.IndexOf(surface, p, StringComparison.Ordinal);
                if (found >= 0 && found - p < 8)
                {
                    start = found;
                }
            }

            int end = Math.Min(text.Length, start + surface.Length);
            p = end;
            if (mwt is null)
            {
                ranges[wi] = new CharRange(offset + start, offset + end);
                wi++;
                continue;
            }

            int count = mwt.Last - mwt.First + 1;
            int total = 0;
            for (int k = 0; k < count && wi + k < s.Words.Count; k++)
            {
                total += s.Words[wi + k].Form.Length;
            }

            bool spells = total == end - start;
            int at = start;
            for (int k = 0; k < count && wi + k < s.Words.Count; k++)
            {
                var part = s.Words[wi + k].Form;
                if (spells && string.Compare(text, at, part, 0, part.Length, StringComparison.OrdinalIgnoreCase) != 0)
                {
                    spells = false;
                }

                at += part.Length;
            }

            at = start;
            for (int k = 0; k < count && wi + k < s.Words.Count; k++)
            {
                if (spells)
                {
                    int len = s.Words[wi + k].Form.Length;
                    ranges[wi + k] = new CharRange(offset + at, offset + at + len);
                    at += len;
                }
                else
                {
                    ranges[wi + k] = k == 0 ? new CharRange(offset + start, offset + end) : null;
                }
            }

            wi += count;
        }

        return ranges;
    }

    /// <summary>
    /// A document whose tokens are the gold words (one token per syntactic word) and whose sentences are the gold
    /// sentences; the text is the word forms joined by a space (a newline between sentences). Tags are not copied.
    /// </summary>
    public static Document FromGoldTokens(IReadOnlyList<ConlluSentence> sentences)
    {
        var sb = new StringBuilder();
        var tokens = new List<Token>();
        var sents = new Sentence[sentences.Count];
        for (int si = 0; si < sentences.Count; si++)
        {
            var s = sentences[si];
            int first = tokens.Count;
            for (int wi = 0; wi < s.Words.Count; wi++)
            {
                var w = s.Words[wi];
                int start = sb.Length;
                sb.Append(w.Form);
                tokens.Add(new Token(new CharRange(start, sb.Length), 0));
                bool last = si == sentences.Count - 1 && wi == s.Words.Count - 1;
                if (!last)
                {
                    sb.Append(wi == s.Words.Count - 1 ? "\n" : " ");
                }
            }

            sents[si] = new Sentence(new TokenRange(first, tokens.Count), new CharRange(tokens[first].Start, tokens[^1].End));
        }

        var text = sb.ToString();
        var array = tokens.ToArray();
        for (int k = 0; k < array.Length; k++)
        {
            int next = k + 1 < array.Length ? array[k + 1].Start : text.Length;
            array[k].WhitespaceLength = next - array[k].End;
        }

        var doc = new Document(text);
        doc.SetTokens(array);
        doc.SetSentences(sents);
        return doc;
    }
}
