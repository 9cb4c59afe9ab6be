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
