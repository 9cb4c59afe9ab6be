using Hearsay.Core.Documents;
using Hearsay.Core.Pipeline;

namespace Hearsay.Nlp.Coreference;

/// <summary>
/// Baseline within-document clustering of name mentions by type-compatible name matching, until the
/// coreference model exists. Rules, in text order:
/// <list type="bullet">
/// <item>the same name (case-insensitive, without possessive and leading "the"/titles) is the same entity;</item>
/// <item>a one-word person name ("Massoud") joins a person whose name ends in it; among several, the one
/// mentioned most so far, then the most recent;</item>
/// <item>two different multi-word person names never merge: "Ahmad Shah Massoud" is not "Ahmad Massoud";</item>
/// <item>an organisation or place name joins one whose name contains it as whole words ("Panjshir" in
/// "Panjshir Valley"), or whose initials it is ("NRF").</item>
/// </list>
/// Nominal and pronoun mentions are left unresolved (EntityIndex -1): doing them safely needs the coreference model.
/// Canonical name: the cluster's longest name. Media organisations get Subtype "media" (<see cref="MediaOutletLexicon"/>, a heuristic).
/// </summary>
public sealed class EntityClusterer : ModelStage<EntityClustering>
{
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "president", "gen", "gen.", "general",
        "sen", "sen.", "senator", "rep", "rep.", "minister", "prime", "sheikh", "shaikh", "king", "queen", "prince",
        "commander", "col", "col.", "colonel", "capt", "capt.", "captain", "lt", "lt.", "judge", "justice", "pope",
    };

    private static readonly HashSet<string> FunctionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "the", "and", "for", "in", "on", "at", "de", "la", "&",
    };

    public override string Name => "entity-clusterer";

    public override string Version => "name-rules-1";

    public override Layers Requires => Layers.Mentions;

    public override Layers Provides => Layers.Entities;

    public override EntityClustering Predict(Document document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var mentions = document.Mentions;
        var assigned = new int[mentions.Count];
        Array.Fill(assigned, -1);
        var clusters = new List<Cluster>();
        var order = Enumerable.Range(0, mentions.Count).OrderBy(i => mentions[i].Range.Start).ThenBy(i => mentions[i].Range.End).ToArray();
        foreach (int mi in order)
        {
            var m = mentions[mi];
            if (m.Kind != MentionKind.Name)
            {
                continue;
            }

            var words = NameWords(document.Slice(m.Range), m.Label);
            if (words.Length == 0)
            {
                continue;
            }

            var target = FindCluster(clusters, words, m.Label);
            if (target is null)
            {
                target = new Cluster(clusters.Count, m.Label);
                clusters.Add(target);
            }

            target.Add(mi, words, m.Range.Start);
            assigned[mi] = target.Index;
        }

        var entities = new List<Entity>(clusters.Count);
        foreach (var c in clusters)
        {
            string canonical = c.Canonical();
            bool media = c.Names.Any(n => MediaOutletLexicon.IsMedia(string.Join(' ', n)));
            entities.Add(new Entity(c.Index, canonical, c.Label, c.Mentions) { Subtype = media ? "media" : null });
        }

        return new EntityClustering(entities, assigned);
    }

    public override void Apply(Document document, EntityClustering prediction)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(prediction);
        var mentions = document.Mentions;
        for (int i = 0; i < mentions.Count && i < prediction.EntityOfMention.Length; i++)
        {
            mentions[i].EntityIndex = prediction.EntityOfMention[i];
        }

        document.SetEntities(prediction.Entities);
    }

    /// <summary>The words of a name without possessive, leading article, and (for people) leading titles.</summary>
    internal static string[] NameWords(string text, EntityLabel label)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 0)
        {
            var last = words[^1];
            foreach (var suffix in (string[])["'s", "’s", "'", "’"])
            {
                if (last.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    last = last[..^suffix.Length];
                    break;
                }
            }

            if (last.Length == 0)
            {
                words.RemoveAt(words.Count - 1);
            }
            else
            {
                words[^1] = last;
            }
        }

        if (words.Count > 1 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            words.RemoveAt(0);
        }

        while (label == EntityLabel.Person && words.Count > 1 && Titles.Contains(words[0]))
        {
            words.RemoveAt(0);
        }

        return [.. words];
    }

    private static Cluster? FindCluster(List<Cluster> clusters, string[] words, EntityLabel label)
    {
        Cluster? best = null;

        // The same name, in any compatible cluster, is the strongest evidence and overrides the rest.
        foreach (var c in clusters)
        {
            if (c.Label == label && c.Names.Any(n => SameWords(n, words)))
            {
                return c;
            }
        }

        foreach (var c in clusters)
        {
            if (c.Label != label || !Compatible(c, words, label))
            {
                continue;
            }

            if (best is null || c.Mentions.Count > best.Mentions.Count || (c.Mentions.Count == best.Mentions.Count && c.LastStart > best.LastStart))
            {
                best = c;
            }
        }

        return best;
    }

    private static bool Compatible(Cluster c, string[] words, EntityLabel label)
    {
        if (label == EntityLabel.Person)
        {
            if (words.Length == 1)
            {
                return c.Names.Any(n => n.Length > 1 && Eq(n[^1], words[0]));
            }

            // A full name joins only a cluster of surname-only mentions; two different full names are two people.
            return c.Names.All(n => n.Length == 1) && c.Names.Any(n => Eq(n[0], words[^1]));
        }

        foreach (var n in c.Names)
        {
            if (ContainsRun(n, words) || ContainsRun(words, n) || IsAcronym(words, n) || IsAcronym(n, words))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="shorter"/> occurs in <paramref name="longer"/> as consecutive words and is not only function words.</summary>
    private static bool ContainsRun(string[] longer, string[] shorter)
    {
        if (shorter.Length == 0 || shorter.Length >= longer.Length || shorter.All(FunctionWords.Contains))
        {
            return false;
        }

        for (int i = 0; i + shorter.Length <= longer.Length; i++)
        {
            bool ok = true;
            for (int k = 0; k < shorter.Length && ok; k++)
            {
                ok = Eq(longer[i + k], shorter[k]);
            }

            if (ok)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAcronym(string[] acronym, string[] name)
    {
        if (acronym.Length != 1 || name.Length < 2)
        {
            return false;
        }

        var a = acronym[0].Replace(".", "", StringComparison.Ordinal);
        if (a.Length < 2 || !a.All(char.IsUpper))
        {
            return false;
        }

        var initials = new System.Text.StringBuilder();
        foreach (var w in name)
        {
            if (!FunctionWords.Contains(w) && w.Length > 0)
            {
                initials.Append(char.ToUpperInvariant(w[0]));
            }
        }

        return initials.ToString() == a;
    }

    private static bool SameWords(string[] a, string[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (!Eq(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Eq(string a, string b) => string.Equals(Normalize(a), Normalize(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string w) => w.Replace('’', '\'').Replace('‐', '-');

    private sealed class Cluster
    {
        public Cluster(int index, EntityLabel label)
        {
            Index = index;
            Label = label;
        }

        public int Index { get; }

        public EntityLabel Label { get; }

        public List<int> Mentions { get; } = [];

        public List<string[]> Names { get; } = [];

        public int LastStart { get; private set; }

        public void Add(int mention, string[] words, int start)
        {
            Mentions.Add(mention);
            if (!Names.Any(n => SameWords(n, words)))
            {
                Names.Add(words);
            }

            LastStart = start;
        }

        /// <summary>The most informative name: most words, then most characters, then first seen.</summary>
        public string Canonical()
        {
            string[] best = Names[0];
            foreach (var n in Names)
            {
                if (n.Length > best.Length || (n.Length == best.Length && string.Join(' ', n).Length > string.Join(' ', best).Length))
                {
                    best = n;
                }
            }

            return string.Join(' ', best);
        }
    }
}
