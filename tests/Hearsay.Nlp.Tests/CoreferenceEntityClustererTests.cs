using System.Text.Json;
using Hearsay.Core.Documents;
using Hearsay.Nlp.Coreference;
using Hearsay.Nlp.Entities;

namespace Hearsay.Nlp.Tests;

public class CoreferenceEntityClustererTests
{
    /// <summary>A document with name mentions at the given substrings (n-th occurrence when repeated).</summary>
    private static Document WithMentions(string text, params (string Name, EntityLabel Label)[] names)
    {
        var doc = EntitiesTestData.Tokenize(text);
        var mentions = new List<Mention>();
        var from = new Dictionary<string, int>();
        foreach (var (name, label) in names)
        {
            int at = text.IndexOf(name, from.GetValueOrDefault(name), StringComparison.Ordinal);
            at.ShouldBeGreaterThanOrEqualTo(0, name);
            from[name] = at + name.Length;
            var range = new CharRange(at, at + name.Length);
            mentions.Add(new Mention(range, doc.TokenRangeOf(range), label, MentionKind.Name));
        }

        doc.SetMentions(mentions);
        return doc;
    }

    private static Document Cluster(Document doc)
    {
        new EntityClusterer().Process(doc, CancellationToken.None);
        return doc;
    }

    [Fact]
    public void Surname_joins_the_full_name_but_a_different_middle_name_is_another_person()
    {
        var doc = Cluster(WithMentions(
            "Ahmad Massoud spoke. Massoud left. Ahmad Shah Massoud died. Massoud's father was killed.",
            ("Ahmad Massoud", EntityLabel.Person), ("Massoud", EntityLabel.Person), ("Ahmad Shah Massoud", EntityLabel.Person), ("Massoud's", EntityLabel.Person)));
        var m = doc.Mentions;
        m[0].EntityIndex.ShouldBe(m[1].EntityIndex);
        m[2].EntityIndex.ShouldNotBe(m[0].EntityIndex);
        m[3].EntityIndex.ShouldBe(m[0].EntityIndex); // the more salient Massoud
        doc.Entities[m[0].EntityIndex].CanonicalName.ShouldBe("Ahmad Massoud");
        doc.Entities[m[2].EntityIndex].CanonicalName.ShouldBe("Ahmad Shah Massoud");
    }

    [Fact]
    public void Types_must_agree_and_places_match_by_contained_words_and_acronyms()
    {
        var doc = Cluster(WithMentions(
            "Washington met in Washington. The Panjshir Valley fell; Panjshir is lost. The National Resistance Front (NRF) fights.",
            ("Washington", EntityLabel.Person), ("Washington", EntityLabel.Loc), ("Panjshir Valley", EntityLabel.Loc), ("Panjshir", EntityLabel.Loc),
            ("National Resistance Front", EntityLabel.Org), ("NRF", EntityLabel.Org)));
        var m = doc.Mentions;
        m[0].EntityIndex.ShouldNotBe(m[1].EntityIndex);
        m[2].EntityIndex.ShouldBe(m[3].EntityIndex);
        m[4].EntityIndex.ShouldBe(m[5].EntityIndex);
        doc.Entities[m[2].EntityIndex].CanonicalName.ShouldBe("Panjshir Valley");
        doc.Entities.Count.ShouldBe(4);
    }

    [Theory]
    [InlineData("Fars News Agency", true)]
    [InlineData("Reuters", true)]
    [InlineData("Al-Arabiya", true)]
    [InlineData("The New York Times", true)]
    [InlineData("Washington Post", true)]
    [InlineData("Central Intelligence Agency", false)]
    [InlineData("National Resistance Front", false)]
    [InlineData("Taliban", false)]
    public void Media_lexicon_is_a_heuristic_over_outlet_names(string name, bool media) =>
        MediaOutletLexicon.IsMedia(name).ShouldBe(media);

    [Fact]
    public void Showcase_gold_name_mentions_cluster_as_annotated()
    {
        var shared = EntitiesTestData.SharedRoot();
        shared.ShouldNotBeNull("../shared (or HEARSAY_SHARED) is needed for the showcase");
        var text = File.ReadAllText(Path.Combine(shared, "seed", "massoud-has-not-fled.txt"));
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(shared, "seed", "massoud-has-not-fled.gold.json")));
        var doc = EntitiesTestData.Tokenize(text);
        var mentions = new List<Mention>();
        var goldEntity = new List<string>();
        foreach (var e in gold.RootElement.GetProperty("entities").EnumerateArray())
        {
            var label = e.GetProperty("type").GetString() switch { "PERSON" => EntityLabel.Person, "ORG" => EntityLabel.Org, _ => EntityLabel.Loc };
            foreach (var m in e.GetProperty("mentions").EnumerateArray())
            {
                var s = m.GetProperty("text").GetString()!;
                if (!IsName(s))
                {
                    continue; // nominals and pronouns are the coreference model's job
                }

                // "Massoud’s father" is a nominal of the father that contains a name of the son: the name itself is the son's.
                var range = new CharRange(m.GetProperty("start").GetInt32(), m.GetProperty("end").GetInt32());
                mentions.Add(new Mention(range, doc.TokenRangeOf(range), label, MentionKind.Name));
                goldEntity.Add(e.GetProperty("id").GetString()!);
            }
        }

        doc.SetMentions(mentions);
        Cluster(doc);
        for (int i = 0; i < mentions.Count; i++)
        {
            for (int j = i + 1; j < mentions.Count; j++)
            {
                bool same = goldEntity[i] == goldEntity[j];
                (mentions[i].EntityIndex == mentions[j].EntityIndex).ShouldBe(same, $"{doc.Slice(mentions[i].Range)} / {doc.Slice(mentions[j].Range)}");
            }
        }

        var byName = doc.Entities.ToDictionary(e => e.CanonicalName);
        byName["Fars News Agency"].Subtype.ShouldBe("media");
        byName["Al-Arabiya"].Subtype.ShouldBe("media");
        byName["Taliban"].Subtype.ShouldBeNull();
        byName["Ahmad Massoud"].MentionIndices.Count.ShouldBe(7);
    }

    [Fact]
    public void Showcase_through_the_shipped_recognizer_keeps_father_and_son_apart()
    {
        var shared = EntitiesTestData.SharedRoot();
        shared.ShouldNotBeNull("../shared (or HEARSAY_SHARED) is needed for the showcase");
        var doc = EntitiesTestData.Tokenize(File.ReadAllText(Path.Combine(shared, "seed", "massoud-has-not-fled.txt")));
        EntityRecognizer.LoadDefault().Process(doc, CancellationToken.None);
        new EntityClusterer().Process(doc, CancellationToken.None);
        var son = doc.Entities.Where(e => e.CanonicalName == "Ahmad Massoud").ToList();
        var father = doc.Entities.Where(e => e.CanonicalName == "Ahmad Shah Massoud").ToList();
        son.Count.ShouldBe(1);
        father.Count.ShouldBe(1);
        son[0].Index.ShouldNotBe(father[0].Index);
        son[0].MentionIndices.Count.ShouldBeGreaterThanOrEqualTo(4);
    }

    private static bool IsName(string s) =>
        char.IsUpper(s[0]) && !s.StartsWith("The ", StringComparison.Ordinal) && s is not ("He" or "It") && !s.Contains(" father", StringComparison.Ordinal);
}
