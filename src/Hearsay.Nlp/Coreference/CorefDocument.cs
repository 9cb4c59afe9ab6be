using Hearsay.Core.Documents;
using Hearsay.Nlp.Conllu;

namespace Hearsay.Nlp.Coreference;

/// <summary>
/// A CoNLL-U document read for coreference: a <see cref="Document"/> on the gold words, its CoNLL-U sentences
/// (kept to write predictions back), the gold mentions from the <c>Entity=</c> annotations, and its genre.
/// </summary>
public sealed class CorefDocument
{
    public CorefDocument(string name, string genre, Document document, IReadOnlyList<ConlluSentence> sentences, IReadOnlyList<CorefGoldMention> mentions)
    {
        Name = name;
        Genre = genre;
        Document = document;
        Sentences = sentences;
        Mentions = mentions;
    }

    public string Name { get; }

    public string Genre { get; }

    public Document Document { get; }

    public IReadOnlyList<ConlluSentence> Sentences { get; }

    public IReadOnlyList<CorefGoldMention> Mentions { get; }

    /// <summary>
    /// The speaker of every sentence from the transcript's <c># speaker = X</c> lines (interviews, conversations, court
    /// hearings), null where none is given: the layout of the source text, as the CoNLL-2012 data gives speakers, not
    /// coreference annotation.
    /// </summary>
    public string?[] Speakers()
    {
        var speakers = new string?[Sentences.Count];
        for (int s = 0; s < speakers.Length; s++)
        {
            foreach (var c in Sentences[s].Comments)
            {
                int eq = c.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && c.StartsWith("# speaker", StringComparison.Ordinal))
                {
                    speakers[s] = c[(eq + 1)..].Trim();
                }
            }
        }

        return speakers;
    }

    /// <summary>Gold clusters as lists of token ranges, in order of first mention.</summary>
    public List<List<TokenRange>> GoldClusters()
    {
        var byId = new Dictionary<string, List<TokenRange>>(StringComparer.Ordinal);
        var order = new List<List<TokenRange>>();
        foreach (var m in Mentions)
        {
            if (!byId.TryGetValue(m.EntityId, out var list))
            {
                list = [];
                byId[m.EntityId] = list;
                order.Add(list);
            }

            list.Add(m.Tokens);
        }

        return order;
    }
}
