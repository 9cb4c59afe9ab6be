using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hearsay.Core.Serialization;
using Hearsay.Storage;
using Microsoft.AspNetCore.Hosting;

namespace Hearsay.Web.Tests;

public sealed class HearsayApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public void The_server_listens_on_the_loopback_address()
    {
        api.BaseAddress.Host.ShouldBe("127.0.0.1");
        api.BaseAddress.Port.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Without_urls_the_app_is_bound_to_127_0_0_1_port_5080()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hearsay-web-default-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var store = SqliteDocumentStore.Open(Path.Combine(folder, "d.db"));
            await using var app = HearsayApi.CreateApp(store);
            app.Configuration[WebHostDefaults.ServerUrlsKey].ShouldBe("http://127.0.0.1:5080");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        HearsayApi.DefaultUrl.ShouldBe("http://127.0.0.1:5080");
    }

    [Fact]
    public async Task Health_reports_ok_and_the_document_count()
    {
        var json = await GetJson("/api/health");
        json["status"]!.GetValue<string>().ShouldBe("ok");
        json["documents"]!.GetValue<int>().ShouldBe(3);
    }

    [Fact]
    public async Task Documents_are_listed_in_pages()
    {
        var all = await GetJson("/api/documents");
        all["total"]!.GetValue<int>().ShouldBe(3);
        all["offset"]!.GetValue<int>().ShouldBe(0);
        all["limit"]!.GetValue<int>().ShouldBe(HearsayApi.DefaultLimit);
        Ids(all["items"]!).ShouldBe(["doc-1", "doc-2", "doc-3"]);
        all["items"]![0]!["title"]!.GetValue<string>().ShouldBe("Mayor Lina Ortiz on the harbour");
        all["items"]![0]!["attributions"]!.GetValue<int>().ShouldBe(1);
        all["items"]![0]!["status"]!.GetValue<string>().ShouldBe("analyzed");

        var page = await GetJson("/api/documents?offset=1&limit=1");
        page["total"]!.GetValue<int>().ShouldBe(3);
        Ids(page["items"]!).ShouldBe(["doc-2"]);
        Ids((await GetJson("/api/documents?offset=3"))["items"]!).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_document_comes_back_as_the_exact_json_contract()
    {
        using var response = await api.Client.GetAsync(new Uri("/api/documents/doc-2", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/json");
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldBe(JsonSerializer.Serialize(ApiFixture.Documents[1], HearsayJson.Options));
    }

    [Fact]
    public async Task An_unknown_document_is_a_404_problem_naming_the_id()
    {
        var problem = await Problem("/api/documents/nope-123", HttpStatusCode.NotFound);
        problem["detail"]!.GetValue<string>().ShouldContain("nope-123");
    }

    [Fact]
    public async Task Attributions_are_filtered_by_source_or_entity_case_insensitively()
    {
        var byEntity = await GetJson("/api/attributions?source=lina%20ORTIZ");
        byEntity["source"]!.GetValue<string>().ShouldBe("lina ORTIZ");
        var items = byEntity["items"]!.AsArray();
        items.Select(i => i!["documentId"]!.GetValue<string>()).ShouldBe(["doc-1", "doc-3"]);
        items[0]!["title"]!.GetValue<string>().ShouldBe("Mayor Lina Ortiz on the harbour");
        items[0]!["attribution"]!["source"]!["text"]!.GetValue<string>().ShouldBe("Mayor Lina Ortiz");
        items[0]!["attribution"]!["cue"]!["text"]!.GetValue<string>().ShouldBe("said");

        var bySpan = (await GetJson("/api/attributions?source=Councillor%20Ben%20Aziz"))["items"]!.AsArray();
        bySpan.Single()!["documentId"]!.GetValue<string>().ShouldBe("doc-2");
        (await GetJson("/api/attributions?source=nobody"))["items"]!.AsArray().ShouldBeEmpty();
        (await GetJson("/api/attributions?source=lina%20ortiz&limit=1"))["items"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Entities_are_listed_with_aliases_articles_and_attributions()
    {
        var page = await GetJson("/api/entities");
        page["total"]!.GetValue<int>().ShouldBe(2);
        var items = page["items"]!.AsArray();
        var ortiz = items[0]!;
        ortiz["name"]!.GetValue<string>().ShouldBe("Lina Ortiz");
        ortiz["type"]!.GetValue<string>().ShouldBe("PERSON");
        ortiz["aliases"]!.AsArray().Select(a => a!.GetValue<string>()).ShouldBe(["Lina Ortiz", "Mayor Lina Ortiz", "Ms Ortiz"]);
        ortiz["articles"]!.AsArray().Select(a => a!["documentId"]!.GetValue<string>()).ShouldBe(["doc-1", "doc-3"]);
        ortiz["attributions"]!.AsArray().Select(a => a!["attribution"]!["source"]!["text"]!.GetValue<string>()).ShouldBe(["Mayor Lina Ortiz", "Ms Ortiz"]);
        items[1]!["name"]!.GetValue<string>().ShouldBe("Ben Aziz");
        (await GetJson("/api/entities?offset=1&limit=1"))["items"]!.AsArray().Select(i => i!["name"]!.GetValue<string>()).ShouldBe(["Ben Aziz"]);
    }

    [Fact]
    public async Task An_entity_comes_back_by_id_and_an_unknown_one_is_a_404_problem()
    {
        var id = (await GetJson("/api/entities"))["items"]![1]!["id"]!.GetValue<string>();
        var entity = await GetJson("/api/entities/" + id);
        entity["name"]!.GetValue<string>().ShouldBe("Ben Aziz");
        entity["articles"]!.AsArray().Single()!["title"]!.GetValue<string>().ShouldBe("Councillor Ben Aziz on the railway");

        var problem = await Problem("/api/entities/E4040", HttpStatusCode.NotFound);
        problem["detail"]!.GetValue<string>().ShouldContain("E4040");
        (await Problem("/api/entities/nobody", HttpStatusCode.NotFound))["detail"]!.GetValue<string>().ShouldContain("nobody");
    }

    [Fact]
    public async Task Search_finds_text_and_attribution_content_with_snippets()
    {
        var json = await GetJson("/api/search?q=railway");
        json["query"]!.GetValue<string>().ShouldBe("railway");
        var items = json["items"]!.AsArray();
        items.Select(i => i!["field"]!.GetValue<string>()).ShouldBe(["attribution", "text"], ignoreOrder: true);
        items.ShouldAllBe(i => i!["documentId"]!.GetValue<string>() == "doc-2");
        items.ShouldAllBe(i => i!["snippet"]!.GetValue<string>().Contains("railway", StringComparison.OrdinalIgnoreCase));
        (await GetJson("/api/search?q=zeppelin"))["items"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/api/search?q=%22NOT%20(")]
    [InlineData("/api/search?q=harbour%20OR%20*")]
    [InlineData("/api/search?q=%27%3B%20DROP%20TABLE%20documents")]
    public async Task Search_input_with_query_syntax_is_answered_not_failed(string url)
    {
        using var response = await api.Client.GetAsync(new Uri(url, UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await GetJson("/api/health"))["documents"]!.GetValue<int>().ShouldBe(3);
    }

    [Theory]
    [InlineData("/api/documents?limit=abc", "limit must be a whole number; got 'abc'.")]
    [InlineData("/api/documents?limit=0", "limit must be between 1 and 500")]
    [InlineData("/api/documents?limit=501", "limit must be between 1 and 500")]
    [InlineData("/api/documents?offset=-1", "offset must be 0 or more")]
    [InlineData("/api/documents?offset=x", "offset must be a whole number; got 'x'.")]
    [InlineData("/api/attributions", "the query parameter 'source' is required.")]
    [InlineData("/api/attributions?source=%20", "source must name a source")]
    [InlineData("/api/attributions?source=x&limit=-5", "limit must be between 1 and 500")]
    [InlineData("/api/search", "the query parameter 'q' is required.")]
    [InlineData("/api/search?q=", "q")]
    [InlineData("/api/search?q=%20%20", "q must hold at least one word")]
    [InlineData("/api/search?q=x&limit=9999", "limit must be between 1 and 500")]
    [InlineData("/api/entities?limit=0", "limit must be between 1 and 500")]
    [InlineData("/api/entities?offset=-2", "offset must be 0 or more")]
    public async Task Bad_query_parameters_are_a_400_problem_that_says_why(string url, string expected)
    {
        var problem = await Problem(url, HttpStatusCode.BadRequest);
        problem["detail"]!.GetValue<string>().ShouldContain(expected);
    }

    [Fact]
    public async Task Openapi_document_lists_every_endpoint()
    {
        var doc = await GetJson("/openapi/v1.json");
        doc["info"]!["title"]!.GetValue<string>().ShouldBe("Hearsay API");
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToArray();
        paths.ShouldBe(["/api/documents", "/api/documents/{id}", "/api/attributions", "/api/search", "/api/entities", "/api/entities/{id}", "/api/health"], ignoreOrder: true);
        foreach (var path in paths)
        {
            doc["paths"]![path]!["get"].ShouldNotBeNull();
        }

        var searchParameters = doc["paths"]!["/api/search"]!["get"]!["parameters"]!.AsArray();
        searchParameters.Single(p => p!["name"]!.GetValue<string>() == "q")!["required"]!.GetValue<bool>().ShouldBeTrue();
    }

    [Fact]
    public async Task An_unknown_route_is_a_404()
    {
        using var response = await api.Client.GetAsync(new Uri("/api/nothing-here", UriKind.Relative));
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private async Task<JsonNode> GetJson(string url)
    {
        using var response = await api.Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!;
    }

    private async Task<JsonNode> Problem(string url, HttpStatusCode status)
    {
        using var response = await api.Client.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json", body);
        var json = JsonNode.Parse(body)!;
        json["status"]!.GetValue<int>().ShouldBe((int)status);
        return json;
    }

    private static string[] Ids(JsonNode items) => items.AsArray().Select(i => i!["id"]!.GetValue<string>()).ToArray();
}
