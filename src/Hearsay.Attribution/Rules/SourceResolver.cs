using Hearsay.Core.Documents;

namespace Hearsay.Attribution.Rules;

/// <summary>
/// Links a source span to an entity of the document's Entities layer: a name through the
/// mention it overlaps; "who" to the mention just before it; a pronoun to the nearest compatible
/// entity before it, preferring earlier attribution sources and the first (subject) mention of a
/// sentence, and skipping mentions inside the attributed content.
/// </summary>
public static class SourceResolver
{
    private static readonly HashSet<string> PersonPronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "him", "her", "his", "i" };

    private static readonly HashSet<string> ThingPronouns = new(StringComparer.OrdinalIgnoreCase) { "it", "its" };

    private static readonly HashSet<string> PluralPronouns = new(StringComparer.OrdinalIgnoreCase) { "they", "them", "their" };

    private static readonly HashSet<string> Relatives = new(StringComparer.OrdinalIgnoreCase) { "who", "which", "that", "whom" };

    public static Entity? Resolve(Document doc, CharRange source, IReadOnlyList<CharRange> content, IReadOnlyList<Entity?> earlierSources)
    {
        ArgumentNullException.ThrowIfNull(doc);
        if (!doc.Has(Layers.Mentions | Layers.Entities) || source.IsEmpty)
        {
            return null;
        }

        var word = doc.Slice(source).Trim();
        var mentions = doc.Mentions;

        // A mention inside or overlapping the span: a person or organisation before a place ("Iran's Fars
        // News Agency"), and the first of them, the head of an apposition ("Ahmad Massoud, the son of
        // Ahmad Shah Massoud,"); else the longest overlap.
        Mention? best = null;
        int bestOverlap = 0;
        bool bestActor = false;
        foreach (var m in mentions)
        {
            int o = m.Range.OverlapLength(source);
            if (o == 0 || m.EntityIndex < 0)
            {
                continue;
            }

            bool actor = m.Label is EntityLabel.Person or EntityLabel.Org or EntityLabel.Norp;
            if (best is null || (actor && !bestActor) || (actor == bestActor && !actor && o > bestOverlap))
            {
                best = m;
                bestOverlap = o;
                bestActor = actor;
            }
        }

        bool pronoun = PersonPronouns.Contains(word) || ThingPronouns.Contains(word) || PluralPronouns.Contains(word) || Relatives.Contains(word);
        if (best is not null && (!pronoun || best.Kind != MentionKind.Pronoun || best.EntityIndex >= 0) && !Relatives.Contains(word))
        {
            return doc.Entities[best.EntityIndex];
        }

        if (!pronoun)
        {
            return ByName(doc, source, word) ?? ByDescription(doc, source, word, content);
        }

        int sentence = doc.SentenceOf(doc.TokenAt(source.Start));
        if (Relatives.Contains(word))
        {
            // "Amrullah Saleh, who ...": the closest mention ending before the relative, same sentence.
            Mention? before = null;
            foreach (var m in mentions)
            {
                if (m.Range.End <= source.Start && m.EntityIndex >= 0 && m.Kind != MentionKind.Pronoun
                    && doc.SentenceOf(m.Tokens.Start) == sentence && (before is null || m.Range.End > before.Range.End))
                {
                    before = m;
                }
            }

            return before is null ? null : doc.Entities[before.EntityIndex];
        }

        bool Compatible(Entity e) =>
            PersonPronouns.Contains(word) ? e.Label == EntityLabel.Person
            : ThingPronouns.Contains(word) ? e.Label is EntityLabel.Org or EntityLabel.Other
            : e.Label is EntityLabel.Org or EntityLabel.Norp or EntityLabel.Person;

        // Earlier attribution sources in this or the previous two sentences are the most salient.
        for (int k = earlierSources.Count - 1; k >= 0; k--)
        {
            if (earlierSources[k] is { } e && Compatible(e))
            {
                return e;
            }
        }

        // Else the same sentence before the pronoun (latest first), then each earlier sentence (first mention first).
        for (int s = sentence; s >= 0 && s >= sentence - 3; s--)
        {
            Mention? pick = null;
            foreach (var m in mentions)
            {
                if (m.EntityIndex < 0 || m.Kind == MentionKind.Pronoun || m.Range.Start >= source.Start || Inside(m.Range, content)
                    || doc.SentenceOf(m.Tokens.Start) != s || !Compatible(doc.Entities[m.EntityIndex]))
                {
                    continue;
                }

                if (pick is null || (s == sentence ? m.Range.Start > pick.Range.Start : IsSubjectLike(doc, m) && !IsSubjectLike(doc, pick)))
                {
                    pick = m;
                }
            }

            if (pick is not null)
            {
                return doc.Entities[pick.EntityIndex];
            }
        }

        return null;
    }

    /// <summary>A name the mention layer missed ("Aghbar"): the entity whose canonical name has it as a whole word, latest mentioned before.</summary>
    private static Entity? ByName(Document doc, CharRange source, string word)
    {
        if (word.Length < 2 || !char.IsUpper(word[0]) || word.Contains(' ', StringComparison.Ordinal))
        {
            return null;
        }

        Entity? best = null;
        int bestAt = -1;
        foreach (var m in doc.Mentions)
        {
            if (m.EntityIndex < 0 || m.Range.Start >= source.Start || m.Range.Start < bestAt)
            {
                continue;
            }

            var e = doc.Entities[m.EntityIndex];
            if (e.Label is EntityLabel.Person or EntityLabel.Org
                && e.CanonicalName.Split(' ').Any(part => part.Equals(word, StringComparison.Ordinal)) && e.CanonicalName.Length > word.Length)
            {
                best = e;
                bestAt = m.Range.Start;
            }
        }

        return best;
    }

    /// <summary>
    /// A definite plural description ("the militants", "the rebels") names a group already in play:
    /// the organisation or group (not a news outlet, which reports rather than acts) mentioned most
    /// often before it in the preceding five sentences, the latest on a tie.
    /// </summary>
    private static Entity? ByDescription(Document doc, CharRange source, string word, IReadOnlyList<CharRange> content)
    {
        if (!word.StartsWith("the ", StringComparison.OrdinalIgnoreCase) || word.IndexOf(' ', 4) >= 0 || !word.EndsWith('s') || char.IsUpper(word[4]))
        {
            return null;
        }

        int sentence = doc.SentenceOf(doc.TokenAt(source.Start));
        var counts = new Dictionary<int, (int Count, int Last)>();
        foreach (var m in doc.Mentions)
        {
            if (m.EntityIndex < 0 || m.Range.Start >= source.Start || Inside(m.Range, content) || doc.SentenceOf(m.Tokens.Start) < sentence - 5)
            {
                continue;
            }

            var e = doc.Entities[m.EntityIndex];
            if (e.Label is not (EntityLabel.Org or EntityLabel.Norp) || SourceTyper.FromEntity(e) == SourceType.Media)
            {
                continue;
            }

            counts[e.Index] = counts.TryGetValue(e.Index, out var had) ? (had.Count + 1, m.Range.Start) : (1, m.Range.Start);
        }

        int best = -1;
        foreach (var (index, (count, last)) in counts)
        {
            if (best < 0 || count > counts[best].Count || (count == counts[best].Count && last > counts[best].Last))
            {
                best = index;
            }
        }

        return best < 0 ? null : doc.Entities[best];
    }

    private static bool IsSubjectLike(Document doc, Mention m)
    {
        for (int t = m.Tokens.Start; t < m.Tokens.End; t++)
        {
            if (doc.Tokens[t].DepRel is "nsubj" or "nsubj:pass")
            {
                return true;
            }
        }

        return false;
    }

    private static bool Inside(CharRange r, IReadOnlyList<CharRange> content)
    {
        foreach (var c in content)
        {
            if (c.Overlaps(r))
            {
                return true;
            }
        }

        return false;
    }
}
