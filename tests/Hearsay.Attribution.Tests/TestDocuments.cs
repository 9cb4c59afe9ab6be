using Hearsay.Attribution.Corpus;
using Hearsay.Core.Documents;

namespace Hearsay.Attribution.Tests;

/// <summary>Builds documents by hand for logic tests: tokens from the news tokenizer, mentions and entities as given.</summary>
internal static class TestDocuments
{
    public static Document Tokenized(string text) => NewsTokenizer.Analyze(text);

    /// <summary>Adds one mention per (surface, entity name, label); every occurrence of the surface becomes a mention.</summary>
    public static Document WithEntities(string text, params (string Surface, string Entity, EntityLabel Label, MentionKind Kind)[] mentions)
    {
        var doc = Tokenized(text);
        var names = new List<string>();
        var list = new List<Mention>();
        var members = new Dictionary<string, List<int>>();
        foreach (var (surface, entity, label, kind) in mentions)
        {
            for (int at = text.IndexOf(surface, StringComparison.Ordinal); at >= 0; at = text.IndexOf(surface, at + 1, StringComparison.Ordinal))
            {
                var range = new CharRange(at, at + surface.Length);
                if (!names.Contains(entity))
                {
                    names.Add(entity);
                }

                var m = new Mention(range, doc.TokenRangeOf(range), label, kind) { EntityIndex = names.IndexOf(entity) };
                if (!members.TryGetValue(entity, out var l))
                {
                    members[entity] = l = [];
                }

                l.Add(list.Count);
                list.Add(m);
            }
        }

        list.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
        var entities = new List<Entity>();
        for (int i = 0; i < names.Count; i++)
        {
            var idx = new List<int>();
            for (int k = 0; k < list.Count; k++)
            {
                if (list[k].EntityIndex == i)
                {
                    idx.Add(k);
                }
            }

            var label = list.First(m => m.EntityIndex == i).Label;
            entities.Add(new Entity(i, names[i], label, idx));
        }

        doc.SetMentions(list);
        doc.SetEntities(entities);
        return doc;
    }

    public static CharRange Find(Document doc, string surface, int occurrence = 0)
    {
        int at = -1;
        for (int k = 0; k <= occurrence; k++)
        {
            at = doc.Text.IndexOf(surface, at + 1, StringComparison.Ordinal);
        }

        at.ShouldBeGreaterThanOrEqualTo(0, $"'{surface}' not in test text");
        return new CharRange(at, at + surface.Length);
    }
}
