using Hearsay.Core.Documents;
using Hearsay.Nlp.Coreference;

namespace Hearsay.Nlp.Tests;

public class CorefResolverTests
{
    /// <summary>One sentence on the given words and Penn tags, with the recognizer's names as mentions.</summary>
    internal static Document Build((string Word, string Tag)[] words, params (int Start, int End, EntityLabel Label)[] names)
    {
        var text = string.Join(' ', words.Select(w => w.Word));
        var tokens = new Token[words.Length];
        int at = 0;
        for (int i = 0; i < words.Length; i++)
        {
            tokens[i] = new Token(new CharRange(at, at + words[i].Word.Length), i + 1 < words.Length ? 1 : 0) { Xpos = words[i].Tag, Lemma = words[i].Word.ToLowerInvariant() };
            at += words[i].Word.Length + 1;
        }

        var doc = new Document(text);
        doc.SetTokens(tokens);
        doc.SetSentences([new Sentence(new TokenRange(0, tokens.Length), new CharRange(0, text.Length))]);
        doc.MarkPresent(Layers.PartOfSpeech);
        doc.SetMentions([.. names.Select(n => new Mention(doc.CharRangeOf(new TokenRange(n.Start, n.End)), new TokenRange(n.Start, n.End), n.Label, MentionKind.Name))]);
        return doc;
    }

    [Fact]
    public void AppositionAndPronounJoinTheNamedPerson()
    {
        var doc = Build(
            [("Zahir", "NNP"), ("Aghbar", "NNP"), (",", ","), ("the", "DT"), ("ambassador", "NN"), (",", ","), ("said", "VBD"), ("that", "IN"), ("he", "PRP"), ("left", "VBD"), (".", ".")],
            (0, 2, EntityLabel.Person));
        new CoreferenceResolver().Process(doc, CancellationToken.None);
        var person = doc.Entities[doc.Mentions[0].EntityIndex];
        person.CanonicalName.ShouldBe("Zahir Aghbar");
        person.Attributes.ShouldContain("the ambassador");
        person.Label.ShouldBe(EntityLabel.Person);
        var texts = person.MentionIndices.Select(i => doc.Slice(doc.Mentions[i].Range)).ToList();
        texts.ShouldContain("the ambassador");
        texts.ShouldContain("he");
    }

    [Fact]
    public void OneFullNameLabelledPlaceAndOrganizationIsOneEntity()
    {
        var doc = Build(
            [("Northern", "NNP"), ("Alliance", "NNP"), ("fought", "VBD"), ("and", "CC"), ("Turkey", "NNP"), ("trained", "VBD"), ("the", "DT"), ("Northern", "NNP"), ("Alliance", "NNP"), (".", ".")],
            (0, 2, EntityLabel.Org),
            (4, 5, EntityLabel.Loc),
            (7, 9, EntityLabel.Loc));
        new CoreferenceResolver().Process(doc, CancellationToken.None);
        int first = doc.Mentions.First(m => m.Tokens.Start == 0).EntityIndex;
        doc.Mentions.First(m => m.Tokens.Start == 7).EntityIndex.ShouldBe(first);
        doc.Mentions.First(m => m.Tokens.Start == 4).EntityIndex.ShouldNotBe(first);
    }

    [Fact]
    public void TypeNounSkipsANameHeadedByAnotherTypeNoun()
    {
        var doc = Build(
            [("Kabul", "NNP"), ("is", "VBZ"), ("in", "IN"), ("Afghanistan", "NNP"), ("near", "IN"), ("Panjshir", "NNP"), ("Valley", "NNP"), (";", ":"), ("the", "DT"), ("country", "NN"), ("waits", "VBZ"), (".", ".")],
            (0, 1, EntityLabel.Loc),
            (3, 4, EntityLabel.Loc),
            (5, 7, EntityLabel.Loc));
        new CoreferenceResolver().Process(doc, CancellationToken.None);
        var country = doc.Mentions.First(m => m.Tokens.Start == 8);
        country.EntityIndex.ShouldNotBe(doc.Mentions.First(m => m.Tokens.Start == 5).EntityIndex);
    }

    [Fact]
    public void LinkerKeepsIdsAcrossDocumentsAndSeparatesDifferentPeople()
    {
        var linker = new CrossDocumentLinker();
        var a = linker.Link([new CrossDocumentEntity("a", ["Ahmad Massoud", "Massoud"], EntityLabel.Person), new CrossDocumentEntity("a", ["the Taliban"], EntityLabel.Org)]);
        var b = linker.Link([new CrossDocumentEntity("b", ["Taliban"], EntityLabel.Org), new CrossDocumentEntity("b", ["Massoud"], EntityLabel.Person), new CrossDocumentEntity("b", ["Ahmad Shah Massoud"], EntityLabel.Person)]);
        b[0].ShouldBe(a[1]);
        b[1].ShouldBe(a[0]);
        b[2].ShouldNotBe(a[0]);
        linker.Link([new CrossDocumentEntity("c", ["the University"], EntityLabel.Org)])[0].ShouldNotBe(a[1]);
    }

    [Fact]
    public void OfficesAndCapitalizedAdjectivesAreNotStrippedIntoOtherNames()
    {
        var linker = new CrossDocumentLinker();
        var biden = linker.Link([new CrossDocumentEntity("a", ["Joe Biden", "the President of the United States"], EntityLabel.Person), new CrossDocumentEntity("a", ["York"], EntityLabel.Loc), new CrossDocumentEntity("a", ["India", "the nation"], EntityLabel.Loc)]);
        var other = linker.Link([new CrossDocumentEntity("b", ["Donald J. Trump", "President of the United States"], EntityLabel.Person), new CrossDocumentEntity("b", ["New York"], EntityLabel.Loc), new CrossDocumentEntity("b", ["the Nation"], EntityLabel.Loc)]);
        other[0].ShouldNotBe(biden[0]);
        other[1].ShouldNotBe(biden[1]);
        other[2].ShouldNotBe(biden[2]);
        CrossDocumentLinker.Key("the new President Smith").ShouldBe("smith");
        CrossDocumentLinker.Key("New York").ShouldBe("new york");
        CrossDocumentLinker.Key("the President of the United States").ShouldBe("");
        var trump = linker.Link([new CrossDocumentEntity("c", ["Donald Trump"], EntityLabel.Person)]);
        trump[0].ShouldBe(other[0]);
    }
}
public class CorefNameTests
{
    [Fact]
    public void DifferentFullNamesStayApartAndSurnameGoesToTheMoreMentioned()
    {
        var words = new[] { ("Ahmad", "NNP"), ("Massoud", "NNP"), ("met", "VBD"), ("Ahmad", "NNP"), ("Massoud", "NNP"), ("and", "CC"), ("Ahmad", "NNP"), ("Shah", "NNP"), ("Massoud", "NNP"), (".", "."), ("Massoud", "NNP"), ("left", "VBD") };
        var text = string.Join(' ', words.Select(w => w.Item1));
        var tokens = new Token[words.Length];
        int at = 0;
        for (int i = 0; i < words.Length; i++)
        {
            tokens[i] = new Token(new CharRange(at, at + words[i].Item1.Length), i + 1 < words.Length ? 1 : 0) { Xpos = words[i].Item2 };
            at += words[i].Item1.Length + 1;
        }

        var doc = new Document(text);
        doc.SetTokens(tokens);
        doc.SetSentences([new Sentence(new TokenRange(0, tokens.Length), new CharRange(0, text.Length))]);
        (int, int)[] names = [(0, 2), (3, 5), (6, 9), (10, 11)];
        doc.SetMentions([.. names.Select(n => new Mention(doc.CharRangeOf(new TokenRange(n.Item1, n.Item2)), new TokenRange(n.Item1, n.Item2), EntityLabel.Person, MentionKind.Name))]);
        var p = new CoreferenceResolver().Predict(doc, CancellationToken.None);
        string.Join(";", p.Clusters.Select(c => string.Join(",", c))).ShouldBe("[0,2),[3,5),[10,11);[6,9)");
    }
}
