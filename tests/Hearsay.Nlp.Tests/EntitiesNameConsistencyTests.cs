using Hearsay.Core.Documents;
using Hearsay.Nlp.Entities;

namespace Hearsay.Nlp.Tests;

public class EntitiesNameConsistencyTests
{
    private static (string Text, ArraySegment<Token>[] Sentences) Doc(params string[][] sentences)
    {
        var (text, tokens) = NerTrainer.Join(sentences.SelectMany(s => s).ToArray());
        var segments = new ArraySegment<Token>[sentences.Length];
        int offset = 0;
        for (int i = 0; i < sentences.Length; i++)
        {
            segments[i] = new ArraySegment<Token>(tokens, offset, sentences[i].Length);
            offset += sentences[i].Length;
        }

        return (text, segments);
    }

    [Fact]
    public void A_name_found_twice_is_tagged_where_it_was_missed()
    {
        var (text, sentences) = Doc(["Miramar", "is", "great"], ["I", "love", "Miramar"], ["Miramar", "again"]);
        var spans = new List<List<EntitySpan>> { new() { new(0, 1, EntityLabel.Loc) }, new() { new(2, 3, EntityLabel.Loc) }, new() };
        NameConsistency.Propagate(text, sentences, spans);
        spans[2].ShouldBe([new EntitySpan(0, 1, EntityLabel.Loc)]);
    }

    [Fact]
    public void A_one_word_name_found_once_does_not_spread_but_a_multiword_name_does()
    {
        var (text, sentences) = Doc(["Israeli", "troops", "met", "Islamic", "Jihad"], ["Israeli", "Islamic", "Jihad", "men"]);
        var spans = new List<List<EntitySpan>> { new() { new(0, 1, EntityLabel.Loc), new(3, 5, EntityLabel.Org) }, new() };
        NameConsistency.Propagate(text, sentences, spans);
        spans[1].ShouldBe([new EntitySpan(1, 3, EntityLabel.Org)]);
    }

    [Fact]
    public void Lower_case_words_never_spread()
    {
        var (text, sentences) = Doc(["apple", "apple"], ["apple"]);
        var spans = new List<List<EntitySpan>> { new() { new(0, 1, EntityLabel.Org), new(1, 2, EntityLabel.Org) }, new() };
        NameConsistency.Propagate(text, sentences, spans);
        spans[1].ShouldBeEmpty();
    }

    [Fact]
    public void A_surname_alone_follows_the_full_name_and_a_name_takes_its_majority_label()
    {
        var (text, sentences) = Doc(["Zahir", "Aghbar", "said"], ["Aghbar", "insisted"], ["Miramar", "Miramar", "Miramar"]);
        var spans = new List<List<EntitySpan>>
        {
            new() { new(0, 2, EntityLabel.Person) },
            new(),
            new() { new(0, 1, EntityLabel.Loc), new(1, 2, EntityLabel.Loc), new(2, 3, EntityLabel.Person) },
        };
        NameConsistency.Propagate(text, sentences, spans);
        spans[1].ShouldBe([new EntitySpan(0, 1, EntityLabel.Person)]);
        spans[2].ShouldAllBe(s => s.Label == EntityLabel.Loc);
    }

    [Fact]
    public void An_acronym_defined_after_a_tagged_name_joins_the_name_and_spreads_with_its_label()
    {
        var (text, sentences) = Doc(
            ["a", "complaint", "against", "the", "Housing", "Authority", "of", "New", "Orleans", "(", "HANO", ")"],
            ["HANO", "said", "no"]);
        var spans = new List<List<EntitySpan>> { new() { new(4, 6, EntityLabel.Org), new(7, 9, EntityLabel.Loc) }, new() };
        NameConsistency.Propagate(text, sentences, spans);
        spans[0].ShouldBe([new EntitySpan(4, 9, EntityLabel.Org), new EntitySpan(10, 11, EntityLabel.Org)]);
        spans[1].ShouldBe([new EntitySpan(0, 1, EntityLabel.Org)]);
    }

    [Fact]
    public void An_acronym_takes_the_label_of_a_name_without_an_organisation_in_it()
    {
        var (text, sentences) = Doc(["in", "the", "Democratic", "Republic", "of", "Congo", "(", "DRC", ")"]);
        var spans = new List<List<EntitySpan>> { new() { new(5, 6, EntityLabel.Loc) } };
        NameConsistency.Propagate(text, sentences, spans);
        spans[0].ShouldBe([new EntitySpan(2, 6, EntityLabel.Loc), new EntitySpan(7, 8, EntityLabel.Loc)]);
    }

    [Fact]
    public void An_acronym_after_an_untagged_name_or_with_other_initials_changes_nothing()
    {
        var (text, sentences) = Doc(
            ["using", "Computer", "Aided", "Design", "(", "CAD", ")"],
            ["the", "Housing", "Authority", "(", "NASA", ")"]);
        var spans = new List<List<EntitySpan>> { new(), new() { new(1, 3, EntityLabel.Org) } };
        NameConsistency.Propagate(text, sentences, spans);
        spans[0].ShouldBeEmpty();
        spans[1].ShouldBe([new EntitySpan(1, 3, EntityLabel.Org)]);
    }

    [Fact]
    public void A_corporate_designator_after_a_name_joins_it_as_an_organisation()
    {
        var (text, sentences) = Doc(
            ["Traci", "Warner", "Enron", "Broadband", "Services", ",", "Inc.", "Phone"],
            ["shares", "of", "CCNG", "Inc.", "rose"],
            ["Enron", ",", "Inc.", "and", "Azurix", "Corp."]);
        var spans = new List<List<EntitySpan>>
        {
            new() { new(0, 2, EntityLabel.Person), new(2, 5, EntityLabel.Org) },
            new() { new(2, 3, EntityLabel.Loc) },
            new() { new(0, 1, EntityLabel.Org), new(4, 6, EntityLabel.Org) },
        };
        NameConsistency.Propagate(text, sentences, spans);
        spans[0].ShouldBe([new EntitySpan(0, 2, EntityLabel.Person), new EntitySpan(2, 7, EntityLabel.Org)]);
        spans[1].ShouldBe([new EntitySpan(2, 4, EntityLabel.Org)]);
        spans[2].ShouldBe([new EntitySpan(0, 3, EntityLabel.Org), new EntitySpan(4, 6, EntityLabel.Org)]);
    }
}
