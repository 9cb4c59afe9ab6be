using System.Globalization;
using System.Text;
using Hearsay.Core.Documents;

namespace Hearsay.Nlp.Coreference;

/// <summary>
/// Gives every entity a stable cross-document id (pure, no I/O; persistence belongs to the store).
/// A document's entity joins a known entity when a name variant matches, the types agree and the evidence is
/// unambiguous; otherwise it becomes a new entity. Name variants: the full name without titles, articles and
/// possessives ("the Taliban", "Taliban's"); a person's surname alone ("Massoud") only when one known person
/// with that surname has been seen with an entity that co-occurs in this document, or when exactly one is known;
/// an acronym and its expansion ("NATO"). Two different multi-word person names never link.
/// </summary>
public sealed class CrossDocumentLinker
{
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "president", "gen", "gen.", "general", "sen", "sen.",
        "senator", "minister", "sheikh", "king", "queen", "prince", "commander", "col.", "colonel", "captain", "judge", "pope",
        "professor", "lord", "sir", "saint", "st.", "the", "a", "an", "this", "these", "that", "those", "our", "my", "his",
        "her", "their", "its", "your", "new", "former", "free", "vice", "chair", "chief", "all", "said", "both",
    };

    // Adjectives that start names when capitalized ("New York", "Free State") but only describe when not ("the new President").
    private static readonly HashSet<string> Describing = new(StringComparer.Ordinal) { "new", "former", "free", "vice", "chief", "all", "said", "both" };

    // A name made only of these words ("the University", "the House", "President") is a description, not an identity.
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "president", "university", "college", "school", "union", "house", "government", "state",
        "states", "city", "country", "republic", "party", "court", "council", "committee", "department", "ministry",
        "church", "army", "navy", "company", "group", "center", "centre", "museum", "park", "river", "street", "island",
        "national", "united", "federal", "royal", "north", "south", "east", "west", "of", "and", "for", "in", "on",
        "nation", "nations", "country", "land", "empire", "kingdom", "province", "region", "capital", "assembly", "senate",
    };

    private readonly List<Known> _known = [];
    private readonly Dictionary<string, List<int>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _bySurname = new(StringComparer.Ordinal);

    public int Count => _known.Count;

    /// <summary>Links the entities of one document; returns the global id of each, in order.</summary>
    public string[] Link(IReadOnlyList<CrossDocumentEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var ids = new int[entities.Count];
        var keys = new List<string>[entities.Count];
        for (int e = 0; e < entities.Count; e++)
        {
            keys[e] = [.. entities[e].Names.Select(Key).Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)];
        }

        // First the entities with a full-name match (certain), so that co-occurrence can help the short names.
        var linked = new HashSet<int>();
        for (int e = 0; e < entities.Count; e++)
        {
            ids[e] = ByFullName(keys[e], entities[e].Label);
            if (ids[e] >= 0)
            {
                linked.Add(ids[e]);
            }
        }

        for (int e = 0; e < entities.Count; e++)
        {
            if (ids[e] < 0)
            {
                ids[e] = ByVariant(keys[e], entities[e].Label, linked);
            }

            if (ids[e] < 0)
            {
                ids[e] = _known.Count;
                _known.Add(new Known(entities[e].Label));
            }

            linked.Add(ids[e]);
        }

        for (int e = 0; e < entities.Count; e++)
        {
            var k = _known[ids[e]];
            foreach (var key in keys[e])
            {
                if (k.Names.Add(key))
                {
                    Index(_byName, key, ids[e]);
                    var words = key.Split(' ');
                    if (words.Length > 1 && (entities[e].Label ?? k.Label) == EntityLabel.Person)
                    {
                        Index(_bySurname, words[^1], ids[e]);
                    }
                }
            }

            k.Label ??= entities[e].Label;
            foreach (int other in linked)
            {
                if (other != ids[e])
                {
                    k.Neighbours.Add(other);
                }
            }
        }

        return [.. ids.Select(Id)];
    }

    /// <summary>The stable id of the n-th known entity.</summary>
    public static string Id(int index) => "E" + index.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Lower-cased name without titles, articles and possessive; typographic quotes folded.</summary>
    public static string Key(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var s = name.Replace('’', '\'').Replace('‐', '-').Trim().ToLowerInvariant();
        if (s.EndsWith("'s", StringComparison.Ordinal))
        {
            s = s[..^2];
        }
        else if (s.EndsWith('\''))
        {
            s = s[..^1];
        }

        var words = s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        var original = name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int skipped = 0;
        if (words.Count > 2 && Titles.Contains(words[0]) && words[1] == "of")
        {
            return "";
        }

        // "President of the United States" names an office, held by many.
        while (words.Count > 1 && Titles.Contains(words[0]) && !(Describing.Contains(words[0]) && skipped < original.Length && original[skipped].Length > 0 && char.IsUpper(original[skipped][0])))
        {
            words.RemoveAt(0);
            skipped++;
            if (words.Count > 2 && Titles.Contains(words[0]) && words[1] == "of")
            {
                return "";
            }
        }

        return words.Count == 0 || (words.Count == 1 && (Generic.Contains(words[0]) || Titles.Contains(words[0]))) ? "" : string.Join(' ', words);
    }

    private int ByFullName(List<string> keys, EntityLabel? label)
    {
        int best = -1;
        foreach (var key in keys)
        {
            // A one-word name is only a full name for non-persons ("Afghanistan", "NATO").
            if (!key.Contains(' ', StringComparison.Ordinal) && label == EntityLabel.Person)
            {
                continue;
            }

            if (_byName.TryGetValue(key, out var list))
            {
                foreach (int id in list)
                {
                    if (TypesAgree(_known[id].Label, label) && !NamesConflict(keys, id, label) && (best < 0 || _known[id].Names.Count > _known[best].Names.Count))
                    {
                        best = id;
                    }
                }
            }
        }

        return best;
    }

    private int ByVariant(List<string> keys, EntityLabel? label, HashSet<int> cooccurring)
    {
        var candidates = new HashSet<int>();
        foreach (var key in keys)
        {
            var words = key.Split(' ');
            if (_byName.TryGetValue(key, out var exact))
            {
                candidates.UnionWith(exact.Where(id => TypesAgree(_known[id].Label, label)));
            }

            if (words.Length == 1 && label is EntityLabel.Person or null && _bySurname.TryGetValue(words[0], out var people))
            {
                candidates.UnionWith(people);
            }

            // "Donald J. Trump" to a known "Donald Trump": same first and last names (checked below).
            if (words.Length > 1 && label == EntityLabel.Person && _bySurname.TryGetValue(words[^1], out var namesakes))
            {
                candidates.UnionWith(namesakes.Where(id => _known[id].Names.Any(n => n.Contains(' ', StringComparison.Ordinal) && SamePerson(key, n))));
            }

            if (words.Length == 1 && words[0].Replace(".", "", StringComparison.Ordinal) is { Length: >= 2 } acronym && _byName.TryGetValue("#" + acronym, out var expansions))
            {
                candidates.UnionWith(expansions.Where(id => TypesAgree(_known[id].Label, label)));
            }
        }

        // A full person name never joins an entity known by a different full name.
        if (label == EntityLabel.Person && keys.Exists(k => k.Contains(' ', StringComparison.Ordinal)))
        {
            candidates.RemoveWhere(id => _known[id].Names.Any(n => n.Contains(' ', StringComparison.Ordinal) && !keys.Exists(k => SamePerson(k, n))));
        }

        if (candidates.Count == 0)
        {
            return -1;
        }

        if (candidates.Count == 1)
        {
            return candidates.First();
        }

        // Several: the one that has appeared beside this document's other entities; none or a tie links nothing.
        int best = -1, bestScore = 0, second = 0;
        foreach (int id in candidates)
        {
            int score = _known[id].Neighbours.Count(cooccurring.Contains);
            if (score > bestScore)
            {
                second = bestScore;
                bestScore = score;
                best = id;
            }
            else if (score > second)
            {
                second = score;
            }
        }

        return bestScore > second ? best : -1;
    }

    /// <summary>A person known by a full name that is not one of this entity's full names ("Joe Biden" against "Donald John Trump").</summary>
    private bool NamesConflict(List<string> keys, int id, EntityLabel? label)
    {
        if ((label ?? _known[id].Label) != EntityLabel.Person || !keys.Exists(k => k.Contains(' ', StringComparison.Ordinal)))
        {
            return false;
        }

        return _known[id].Names.Any(n => n.Contains(' ', StringComparison.Ordinal) && !keys.Exists(k => k.Contains(' ', StringComparison.Ordinal) && SamePerson(k, n)))
            && !_known[id].Names.Any(n => n.Contains(' ', StringComparison.Ordinal) && keys.Exists(k => k.Contains(' ', StringComparison.Ordinal) && SamePerson(k, n)));
    }

    /// <summary>Two full names of one person: same first and last word, differing only by initials ("Donald J. Trump", "Donald Trump").</summary>
    private static bool SamePerson(string a, string b)
    {
        var x = a.Split(' ');
        var y = b.Split(' ');
        if (x.Length < 2 || y.Length < 2 || x[0] != y[0] || x[^1] != y[^1])
        {
            return x.Length < 2 || y.Length < 2;
        }

        var (shorter, longer) = x.Length <= y.Length ? (x, y) : (y, x);
        int j = 0;
        foreach (var w in longer)
        {
            if (j < shorter.Length && (w == shorter[j] || (shorter[j].Length <= 2 && w.StartsWith(shorter[j].TrimEnd('.'), StringComparison.Ordinal))))
            {
                j++;
            }
            else if (w.TrimEnd('.').Length > 1)
            {
                // A whole extra given name may be another person ("Ahmad Shah Massoud", father of "Ahmad Massoud").
                return false;
            }
        }

        return j == shorter.Length;
    }

    private static bool TypesAgree(EntityLabel? a, EntityLabel? b) => a is null || b is null || a == b
        || (a is EntityLabel.Loc or EntityLabel.Org && b is EntityLabel.Loc or EntityLabel.Org);

    private static void Index(Dictionary<string, List<int>> map, string key, int id)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        if (!list.Contains(id))
        {
            list.Add(id);
        }

        var words = key.Split(' ');
        if (map.Count >= 0 && words.Length > 1 && ReferenceEquals(map, map))
        {
            var initials = new StringBuilder("#");
            foreach (var w in words)
            {
                if (w.Length > 0 && w is not ("of" or "the" or "and" or "for"))
                {
                    initials.Append(w[0]);
                }
            }

            if (initials.Length > 2)
            {
                var a = initials.ToString();
                if (!map.TryGetValue(a, out var alist))
                {
                    alist = [];
                    map[a] = alist;
                }

                if (!alist.Contains(id))
                {
                    alist.Add(id);
                }
            }
        }
    }

    private sealed class Known
    {
        public Known(EntityLabel? label) => Label = label;

        public EntityLabel? Label { get; set; }

        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public HashSet<int> Neighbours { get; } = [];
    }
}
