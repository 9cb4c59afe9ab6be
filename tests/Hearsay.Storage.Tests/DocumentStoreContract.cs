using System.Text.Json;
using CsCheck;
using Hearsay.Core.Serialization;
using Hearsay.Core.Storage;

namespace Hearsay.Storage.Tests;

/// <summary>
/// The behaviour every <see cref="IDocumentStore"/> must have. An implementation gets the whole suite
/// by deriving one class that says how to create an empty store and how to reopen the same storage.
/// </summary>
public abstract class DocumentStoreContract : IDisposable
{
    private IDocumentStore? store;

    protected IDocumentStore Store => store ??= CreateStore();

    /// <summary>A new, empty store, private to the running test.</summary>
    protected abstract IDocumentStore CreateStore();

    /// <summary>Closes <paramref name="current"/> and opens a new instance over the same storage.</summary>
    protected abstract IDocumentStore Reopen(IDocumentStore current);

    /// <summary>Releases what <see cref="CreateStore"/> made (files, databases).</summary>
    protected abstract void DeleteStorage();

    [Fact]
    public async Task Saving_a_new_document_returns_true_and_saving_it_again_returns_false()
    {
        (await Store.SaveAsync(SampleDocuments.Bridge())).ShouldBeTrue();
        (await Store.SaveAsync(SampleDocuments.Bridge())).ShouldBeFalse();
        (await Store.CountAsync()).ShouldBe(1);
        (await Store.ListAsync(0, 10)).Count.ShouldBe(1);
        (await Store.AttributionsBySourceAsync("Officials", 10)).Count.ShouldBe(1);
        (await Store.SearchAsync("reopen", 10)).Count(h => h.Field == "text").ShouldBe(1);
    }

    [Fact]
    public async Task A_second_save_with_the_same_id_keeps_the_first_analysis()
    {
        await Store.SaveAsync(SampleDocuments.Bridge("same"));
        (await Store.SaveAsync(SampleDocuments.Simple("same"))).ShouldBeFalse();
        (await Store.GetAsync("same"))!.Title.ShouldBe(SampleDocuments.Bridge().Title);
    }

    [Fact]
    public async Task Get_returns_exactly_the_saved_json_contract()
    {
        var bridge = SampleDocuments.Bridge();
        await Store.SaveAsync(bridge);
        var back = await Store.GetAsync(bridge.Id);
        back.ShouldNotBeNull();
        Json(back).ShouldBe(Json(bridge));

        var unsupported = SampleDocuments.Unsupported();
        await Store.SaveAsync(unsupported);
        Json((await Store.GetAsync(unsupported.Id))!).ShouldBe(Json(unsupported));
    }

    [Fact]
    public async Task An_unknown_id_gives_null_and_is_not_contained()
    {
        await Store.SaveAsync(SampleDocuments.Bridge());
        (await Store.GetAsync("no-such-id")).ShouldBeNull();
        (await Store.ContainsAsync("no-such-id")).ShouldBeFalse();
        (await Store.ContainsAsync(SampleDocuments.Bridge().Id)).ShouldBeTrue();
    }

    [Fact]
    public async Task List_pages_through_documents_in_the_order_they_were_stored()
    {
        for (int i = 1; i <= 5; i++)
        {
            await Store.SaveAsync(SampleDocuments.Simple($"d{i}"));
        }

        (await Store.ListAsync(0, 2)).Select(s => s.Id).ShouldBe(["d1", "d2"]);
        (await Store.ListAsync(2, 2)).Select(s => s.Id).ShouldBe(["d3", "d4"]);
        (await Store.ListAsync(4, 2)).Select(s => s.Id).ShouldBe(["d5"]);
        (await Store.ListAsync(5, 2)).ShouldBeEmpty();
        (await Store.ListAsync(0, 100)).Count.ShouldBe(5);
    }

    [Fact]
    public async Task List_summaries_carry_title_status_and_attribution_count()
    {
        await Store.SaveAsync(SampleDocuments.Bridge());
        await Store.SaveAsync(SampleDocuments.Unsupported());
        var list = await Store.ListAsync(0, 10);
        var bridge = list[0];
        bridge.Id.ShouldBe("doc-bridge");
        bridge.Title.ShouldBe(SampleDocuments.Bridge().Title);
        bridge.Source.ShouldBe("samples/bridge.txt");
        bridge.Published.ShouldBe("2024-05-06");
        bridge.Status.ShouldBe("analyzed");
        bridge.Attributions.ShouldBe(2);
        bridge.StoredAt.ShouldNotBeNullOrWhiteSpace();
        list[1].Status.ShouldBe("unsupportedLanguage");
        list[1].Attributions.ShouldBe(0);
    }

    [Fact]
    public async Task List_rejects_a_negative_offset_and_a_non_positive_limit()
    {
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Store.ListAsync(-1, 10));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => Store.ListAsync(0, 0));
    }

    [Fact]
    public async Task Count_counts_distinct_documents()
    {
        (await Store.CountAsync()).ShouldBe(0);
        await Store.SaveAsync(SampleDocuments.Simple("a"));
        await Store.SaveAsync(SampleDocuments.Simple("b"));
        await Store.SaveAsync(SampleDocuments.Simple("a"));
        (await Store.CountAsync()).ShouldBe(2);
    }

    [Fact]
    public async Task Search_finds_words_of_the_text_case_insensitively_with_a_snippet()
    {
        await Store.SaveAsync(SampleDocuments.Bridge());
        await Store.SaveAsync(SampleDocuments.Simple("other"));
        var hits = await Store.SearchAsync("TIMETABLE", 10);
        hits.Count.ShouldBe(1);
        hits[0].DocumentId.ShouldBe("doc-bridge");
        hits[0].Title.ShouldBe(SampleDocuments.Bridge().Title);
        hits[0].Field.ShouldBe("text");
        hits[0].Snippet.ShouldContain("timetable", Case.Insensitive);
    }

    [Fact]
    public async Task Search_finds_attribution_content()
    {
        await Store.SaveAsync(SampleDocuments.Bridge());
        var hits = await Store.SearchAsync("repairs finished", 10);
        hits.Select(h => h.Field).ShouldBe(["attribution", "text"], ignoreOrder: true);
        hits.ShouldAllBe(h => h.DocumentId == "doc-bridge");
        hits.Single(h => h.Field == "attribution").Snippet.ShouldContain("repairs", Case.Insensitive);
    }

    [Fact]
    public async Task Search_requires_every_word_and_finds_nothing_for_absent_words()
    {
        await Store.SaveAsync(SampleDocuments.Simple("x", "harbour"));
        await Store.SaveAsync(SampleDocuments.Simple("y", "railway"));
        (await Store.SearchAsync("harbour plan", 10)).Select(h => h.DocumentId).Distinct().ShouldBe(["x"]);
        (await Store.SearchAsync("harbour railway", 10)).ShouldBeEmpty();
        (await Store.SearchAsync("zeppelin", 10)).ShouldBeEmpty();
        (await Store.SearchAsync("   ", 10)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Search_honours_its_limit()
    {
        for (int i = 0; i < 4; i++)
        {
            await Store.SaveAsync(SampleDocuments.Simple("s" + i));
        }

        (await Store.SearchAsync("harbour", 3)).Count.ShouldBe(3);
    }

    [Theory]
    [InlineData("\"", false)]
    [InlineData("\"harbour", true)]
    [InlineData("harbour AND", false)]
    [InlineData("NOT harbour", true)]
    [InlineData("harbour OR", false)]
    [InlineData("(harbour", true)]
    [InlineData("harbour)", true)]
    [InlineData("*", false)]
    [InlineData("harb*", true)]
    [InlineData("-harbour", true)]
    [InlineData("body:harbour", false)]
    [InlineData("NEAR(harbour plan", false)]
    [InlineData("'; DROP TABLE documents; --", false)]
    [InlineData("^harbour", true)]
    [InlineData("harbour\0plan", true)]
    [InlineData("🙂 harbour", true)]
    public async Task Search_treats_any_input_as_words_and_never_fails(string query, bool found)
    {
        // Operators are plain words: "harbour AND" needs the word "and", which this text lacks ("not" it has).
        await Store.SaveAsync(SampleDocuments.Simple("q"));
        var hits = await Store.SearchAsync(query, 10);
        (hits.Count > 0).ShouldBe(found);
        (await Store.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Search_never_fails_on_arbitrary_input()
    {
        await Store.SaveAsync(SampleDocuments.Simple("p"));
        var chars = Gen.OneOf(Gen.Char["\"'*()-+:^{}[]~,.;\\ \t\n"], Gen.Char.AlphaNumeric, Gen.Char);
        await Gen.String[chars, 0, 40].SampleAsync(
            async q => (await Store.SearchAsync(q, 5)).ShouldNotBeNull(),
            iter: 200,
            threads: 1);
        (await Store.CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Attributions_by_source_match_the_source_text_case_insensitively()
    {
        await Store.SaveAsync(SampleDocuments.Bridge());
        var found = await Store.AttributionsBySourceAsync("the TRANSPORT ministry", 10);
        found.Count.ShouldBe(1);
        found[0].DocumentId.ShouldBe("doc-bridge");
        found[0].Title.ShouldBe(SampleDocuments.Bridge().Title);
        Json(found[0].Attribution).ShouldBe(Json(SampleDocuments.Bridge().Attributions[1]));
    }

    [Fact]
    public async Task Attributions_by_source_match_the_resolved_entity_name_and_global_id()
    {
        await Store.SaveAsync(SampleDocuments.Bridge());
        await Store.SaveAsync(SampleDocuments.Simple("m1"));
        await Store.SaveAsync(SampleDocuments.Simple("m2", "railway"));

        (await Store.AttributionsBySourceAsync("transport ministry", 10)).Single().Attribution.Id.ShouldBe("A2");
        (await Store.AttributionsBySourceAsync("q100", 10)).Single().Attribution.Id.ShouldBe("A2");
        var ortiz = await Store.AttributionsBySourceAsync("Lina Ortiz", 10);
        ortiz.Select(a => a.DocumentId).ShouldBe(["m1", "m2"]);
        (await Store.AttributionsBySourceAsync("Lina Ortiz", 1)).Count.ShouldBe(1);
        (await Store.AttributionsBySourceAsync("Nobody", 10)).ShouldBeEmpty();
        (await Store.AttributionsBySourceAsync("", 10)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Attributions_by_source_read_as_a_timeline_ordered_by_when_each_statement_was_made()
    {
        // Stored out of order: the later statement first, then an undated one, then the earliest.
        await Store.SaveAsync(SampleDocuments.Simple("late") with { Published = "2024-06-01" });
        await Store.SaveAsync(SampleDocuments.Simple("undated", "railway") with { Published = null });
        await Store.SaveAsync(SampleDocuments.Simple("early", "canal") with { Published = "2023-01-15" });

        var timeline = await Store.AttributionsBySourceAsync("Lina Ortiz", 10);

        timeline.Select(a => a.DocumentId).ShouldBe(["early", "late", "undated"]);
    }

    [Fact]
    public async Task Concurrent_saves_of_the_same_document_store_it_once()
    {
        var doc = SampleDocuments.Bridge();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Store.SaveAsync(doc))));
        results.Count(r => r).ShouldBe(1);
        (await Store.CountAsync()).ShouldBe(1);
        (await Store.AttributionsBySourceAsync("Officials", 10)).Count.ShouldBe(1);
        (await Store.SearchAsync("timetable", 10)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Concurrent_saves_of_different_documents_store_them_all()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => Store.SaveAsync(SampleDocuments.Simple("c" + i)))));
        results.ShouldAllBe(r => r);
        (await Store.CountAsync()).ShouldBe(8);
    }

    [Fact]
    public async Task A_save_that_fails_midway_stores_nothing_of_that_document()
    {
        // Attribution ids are unique within a document; a duplicate makes the write fail after the document row.
        var broken = SampleDocuments.Bridge() with
        {
            Attributions = [SampleDocuments.Bridge().Attributions[0], SampleDocuments.Bridge().Attributions[1] with { Id = "A1" }],
        };
        await Should.ThrowAsync<StoreException>(() => Store.SaveAsync(broken));

        (await Store.ContainsAsync(broken.Id)).ShouldBeFalse();
        (await Store.CountAsync()).ShouldBe(0);
        (await Store.SearchAsync("timetable", 10)).ShouldBeEmpty();
        (await Store.AttributionsBySourceAsync("Officials", 10)).ShouldBeEmpty();

        (await Store.SaveAsync(SampleDocuments.Bridge())).ShouldBeTrue();
        (await Store.AttributionsBySourceAsync("Officials", 10)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Reopening_the_storage_keeps_every_document()
    {
        await Store.SaveAsync(SampleDocuments.Bridge());
        await Store.SaveAsync(SampleDocuments.Simple("kept"));
        store = Reopen(Store);

        (await Store.CountAsync()).ShouldBe(2);
        Json((await Store.GetAsync("doc-bridge"))!).ShouldBe(Json(SampleDocuments.Bridge()));
        (await Store.SearchAsync("timetable", 10)).Count.ShouldBe(1);
        (await Store.AttributionsBySourceAsync("radio kelan", 10)).ShouldBeEmpty();
        (await Store.AttributionsBySourceAsync("lina ortiz", 10)).Count.ShouldBe(1);
        (await Store.SaveAsync(SampleDocuments.Simple("kept"))).ShouldBeFalse();
    }

    [Fact]
    public async Task The_same_entity_in_two_documents_gets_one_id_with_both_articles()
    {
        var entities = Store.ShouldBeAssignableTo<IEntityStore>();
        await Store.SaveAsync(SampleDocuments.Simple("d1"));
        await Store.SaveAsync(SampleDocuments.Simple("d2", "river"));
        await Store.SaveAsync(SampleDocuments.Simple("d2", "river"));

        var all = await entities.ListEntitiesAsync(0, 10);
        all.Count.ShouldBe(1);
        (await entities.CountEntitiesAsync()).ShouldBe(1);
        var ortiz = all[0];
        ortiz.Name.ShouldBe("Lina Ortiz");
        ortiz.Type.ShouldBe("PER");
        ortiz.Aliases.ShouldBe(["Lina Ortiz", "Mayor Lina Ortiz"]);
        ortiz.Articles.Select(a => a.DocumentId).ShouldBe(["d1", "d2"]);
        ortiz.Attributions.Select(a => a.DocumentId).ShouldBe(["d1", "d2"]);

        var byId = await entities.GetEntityAsync(ortiz.Id);
        byId.ShouldNotBeNull();
        Json(byId).ShouldBe(Json(ortiz));
    }

    [Fact]
    public async Task The_same_name_with_different_types_gets_different_ids()
    {
        var entities = Store.ShouldBeAssignableTo<IEntityStore>();
        await Store.SaveAsync(SampleDocuments.Mentioning("p", "Jordan", "PER"));
        await Store.SaveAsync(SampleDocuments.Mentioning("g", "Jordan", "GPE"));

        var all = await entities.ListEntitiesAsync(0, 10);
        all.Select(e => e.Type).ShouldBe(["PER", "GPE"]);
        all[0].Id.ShouldNotBe(all[1].Id);
        all[0].Articles.Select(a => a.DocumentId).ShouldBe(["p"]);
        all[1].Articles.Select(a => a.DocumentId).ShouldBe(["g"]);
    }

    [Fact]
    public async Task Two_entities_of_one_document_with_one_key_give_one_article_and_all_their_attributions()
    {
        var entities = Store.ShouldBeAssignableTo<IEntityStore>();
        var one = SampleDocuments.Mentioning("twice", "Lina Ortiz", "PER");
        var split = one with
        {
            Entities = [one.Entities[0], one.Entities[0] with { Id = 1, Mentions = [] }],
            Attributions = [one.Attributions[0], one.Attributions[0] with { Id = "A2", Source = one.Attributions[0].Source with { Entity = new EntityRefResult(1, "Lina Ortiz") } }],
        };
        await Store.SaveAsync(split);

        var ortiz = (await entities.ListEntitiesAsync(0, 10)).ShouldHaveSingleItem();
        ortiz.Articles.ShouldHaveSingleItem().DocumentId.ShouldBe("twice");
        ortiz.Attributions.Select(a => a.Attribution.Id).ShouldBe(["A1", "A2"], ignoreOrder: true);
    }

    [Fact]
    public async Task Pronouns_and_common_nouns_do_not_link_across_documents()
    {
        var entities = Store.ShouldBeAssignableTo<IEntityStore>();
        await Store.SaveAsync(SampleDocuments.Mentioning("w1", "We", "OTHER"));
        await Store.SaveAsync(SampleDocuments.Mentioning("w2", "We", "OTHER"));
        await Store.SaveAsync(SampleDocuments.Mentioning("m1", "the media", "ORG"));
        await Store.SaveAsync(SampleDocuments.Mentioning("m2", "the media", "ORG"));

        var all = await entities.ListEntitiesAsync(0, 10);
        all.Count.ShouldBe(4);
        all.ShouldAllBe(e => e.Articles.Count == 1 && e.Attributions.Count == 1);
    }

    [Fact]
    public async Task Attributions_are_listed_under_their_source_entity_only()
    {
        var entities = Store.ShouldBeAssignableTo<IEntityStore>();
        await Store.SaveAsync(SampleDocuments.Bridge());

        var all = await entities.ListEntitiesAsync(0, 10);
        all.Select(e => e.Name).ShouldBe(["Transport Ministry", "Radio Kelan"]);
        all[0].Attributions.Select(a => a.Attribution.Id).ShouldBe(["A2"]);
        all[0].Aliases.ShouldBe(["Transport Ministry", "The transport ministry"]);
        all[0].Articles.ShouldHaveSingleItem().Title.ShouldBe(SampleDocuments.Bridge().Title);

        // Radio Kelan is only upstream in the chain, not the source of a statement.
        all[1].Attributions.ShouldBeEmpty();
        all[1].Articles.ShouldHaveSingleItem().DocumentId.ShouldBe("doc-bridge");
    }

    [Fact]
    public async Task Entity_ids_survive_reopening_and_unknown_ids_give_null()
    {
        await Store.SaveAsync(SampleDocuments.Simple("d1"));
        var id = (await Store.ShouldBeAssignableTo<IEntityStore>().ListEntitiesAsync(0, 10)).ShouldHaveSingleItem().Id;
        store = Reopen(Store);
        await Store.SaveAsync(SampleDocuments.Simple("d3", "road"));

        var entities = Store.ShouldBeAssignableTo<IEntityStore>();
        (await entities.GetEntityAsync(id))!.Articles.Select(a => a.DocumentId).ShouldBe(["d1", "d3"]);
        (await entities.GetEntityAsync("E999")).ShouldBeNull();
        (await entities.GetEntityAsync("no-such-entity")).ShouldBeNull();
        (await entities.ListEntitiesAsync(1, 10)).ShouldBeEmpty();
    }

    public void Dispose()
    {
        store?.Dispose();
        DeleteStorage();
        GC.SuppressFinalize(this);
    }

    protected static string Json<T>(T value) => JsonSerializer.Serialize(value, HearsayJson.Options);
}
