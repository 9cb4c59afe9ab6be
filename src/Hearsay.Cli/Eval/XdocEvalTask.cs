using Hearsay.Core.Documents;
using Hearsay.Core.Evaluation;
using Hearsay.Nlp.Conllu;
using Hearsay.Nlp.Coreference;

namespace Hearsay.Cli.Eval;

/// <summary>
/// <c>hearsay eval xdoc --data DIR</c>: cross-document identity on GUM's Wikipedia links. Named mentions (head word
/// PROPN) are grouped by their document's gold entity; <see cref="CrossDocumentLinker"/> links the entities of all
/// documents (train first, then dev, in file order). Scored: pairs of named mentions, one in a dev document and one in
/// another document, both of entities that carry a Wikipedia title, whose strings differ; a pair is gold when the titles are equal.
/// Beside it, the baseline: entities linked when they share an identical mention string.
/// </summary>
public sealed class XdocEvalTask : IEvalTask
{
    public string Name => "xdoc";

    public string Description => "Cross-document entity linking on GUM Wikipedia links: pairwise p/r/f1 (different strings) vs exact-string baseline.";

    public EvalReport Run(string data, CancellationToken cancellationToken)
    {
        var folder = data.Contains('#', StringComparison.Ordinal) ? data[..data.IndexOf('#', StringComparison.Ordinal)] : data;
        var train = CorefEvalTask.Load(folder + "#train");
        var dev = CorefEvalTask.Load(folder + "#dev");
        var items = new List<Item>();
        var docEntities = new List<(int Doc, List<CrossDocumentEntity> Entities, List<List<int>> ItemsOf)>();
        int docIndex = 0;
        foreach (var (d, isDev) in train.Select(d => (d, false)).Concat(dev.Select(d => (d, true))))
        {
            var words = d.Sentences.SelectMany(s => s.Words).ToArray();
            var wikiOf = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var m in d.Mentions)
            {
                if (m.Wikipedia is { } w)
                {
                    wikiOf[m.EntityId] = w;
                }
            }

            var groups = new Dictionary<string, (List<string> Names, List<int> Items, string Type)>(StringComparer.Ordinal);
            foreach (var m in d.Mentions)
            {
                int last = m.Tokens.End - 1;
                if (last > m.Tokens.Start && words[last].Xpos == "POS")
                {
                    last--;
                }

                if (words[last].Upos != "PROPN")
                {
                    continue;
                }

                var text = d.Document.Slice(d.Document.CharRangeOf(m.Tokens));
                if (!groups.TryGetValue(m.EntityId, out var g))
                {
                    g = ([], [], m.EntityType);
                    groups[m.EntityId] = g;
                }

                g.Names.Add(text);
                g.Items.Add(items.Count);
                items.Add(new Item(docIndex, isDev, text, wikiOf.GetValueOrDefault(m.EntityId), m.EntityId));
            }

            var entities = new List<CrossDocumentEntity>();
            var itemsOf = new List<List<int>>();
            foreach (var (_, g) in groups)
            {
                entities.Add(new CrossDocumentEntity(d.Name, g.Names, LabelOf(g.Type)));
                itemsOf.Add(g.Items);
            }

            docEntities.Add((docIndex, entities, itemsOf));
            docIndex++;
        }

        // System: the linker, one document at a time.
        var linker = new CrossDocumentLinker();
        var system = new string[items.Count];
        foreach (var (_, entities, itemsOf) in docEntities)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ids = linker.Link(entities);
            for (int e = 0; e < ids.Length; e++)
            {
                foreach (int it in itemsOf[e])
                {
                    system[it] = ids[e];
                }
            }
        }

        // Baseline: union of entities sharing an identical mention string.
        var parent = Enumerable.Range(0, items.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        var firstOfEntity = new Dictionary<(int, string), int>();
        var firstOfString = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            var key = (items[i].Doc, items[i].EntityId);
            if (firstOfEntity.TryGetValue(key, out int f))
            {
                parent[Find(i)] = Find(f);
            }
            else
            {
                firstOfEntity[key] = i;
            }

            if (firstOfString.TryGetValue(items[i].Text, out int s))
            {
                parent[Find(i)] = Find(s);
            }
            else
            {
                firstOfString[items[i].Text] = i;
            }
        }

        var baseline = new string[items.Count];
        for (int i = 0; i < items.Count; i++)
        {
            baseline[i] = Find(i).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var sys = Score(items, system);
        var bas = Score(items, baseline);
        var report = new EvalReport("xdoc", data, dev.Count);
        report.Metrics["f1"] = Math.Round(sys.F1, 4);
        report.Metrics["precision"] = Math.Round(sys.Precision, 4);
        report.Metrics["recall"] = Math.Round(sys.Recall, 4);
        report.Metrics["baseline"] = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["f1"] = Math.Round(bas.F1, 4),
            ["precision"] = Math.Round(bas.Precision, 4),
            ["recall"] = Math.Round(bas.Recall, 4),
        };
        report.Metrics["goldPairs"] = sys.Gold;
        report.Metrics["namedMentions"] = items.Count;
        report.Metrics["entities"] = linker.Count;
        report.Details.Add($"xdoc on {folder}: {dev.Count} dev documents against {train.Count + dev.Count - 1} others, {items.Count} named mentions, {sys.Gold} gold pairs with different strings");
        report.Details.Add(FormattableString.Invariant($"  linker   P={sys.Precision:F4} R={sys.Recall:F4} F1={sys.F1:F4}"));
        report.Details.Add(FormattableString.Invariant($"  baseline P={bas.Precision:F4} R={bas.Recall:F4} F1={bas.F1:F4} (exact-string matching)"));
        return report;
    }

    private static PairScore Score(List<Item> items, string[] ids)
    {
        long tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < items.Count; i++)
        {
            if (!items[i].Dev || items[i].Wiki is null)
            {
                continue;
            }

            for (int j = 0; j < items.Count; j++)
            {
                var a = items[i];
                var b = items[j];
                if (b.Wiki is null || b.Doc == a.Doc || (b.Dev && j < i) || string.Equals(a.Text, b.Text, StringComparison.Ordinal))
                {
                    continue;
                }

                bool gold = a.Wiki == b.Wiki;
                bool predicted = ids[i] == ids[j];
                if (gold && predicted)
                {
                    tp++;
                }
                else if (predicted)
                {
                    fp++;
                    if (Environment.GetEnvironmentVariable("HEARSAY_XDOC_DEBUG") is { } dbg && (dbg == "all" || fp % 50 == 0))
                    {
                        Console.Error.WriteLine($"FP {a.Text} [{a.Wiki}] ~ {b.Text} [{b.Wiki}] {ids[i]} {ids[j]} {a.Doc} {b.Doc}");
                    }
                }
                else if (gold)
                {
                    fn++;
                    if (Environment.GetEnvironmentVariable("HEARSAY_XDOC_DEBUG") is { } dbg2 && (dbg2 == "all" || fn % 20 == 0))
                    {
                        Console.Error.WriteLine($"FN {a.Text} ~ {b.Text} [{b.Wiki}]");
                    }
                }
            }
        }

        return new PairScore(tp, fp, fn);
    }

    private static EntityLabel? LabelOf(string type) => type switch
    {
        "person" => EntityLabel.Person,
        "organization" => EntityLabel.Org,
        "place" => EntityLabel.Loc,
        "event" => EntityLabel.Event,
        _ => EntityLabel.Other,
    };

    private sealed record Item(int Doc, bool Dev, string Text, string? Wiki, string EntityId);

    private readonly record struct PairScore(long Tp, long Fp, long Fn)
    {
        public long Gold => Tp + Fn;

        public double Precision => Tp + Fp == 0 ? 0 : (double)Tp / (Tp + Fp);

        public double Recall => Tp + Fn == 0 ? 0 : (double)Tp / (Tp + Fn);

        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }
}
