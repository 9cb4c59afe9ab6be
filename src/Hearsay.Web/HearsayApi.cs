using System.ComponentModel;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Hearsay.Core.Serialization;
using Hearsay.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hearsay.Web;

/// <summary>
/// The read-only JSON HTTP API over a document store, with its OpenAPI description at
/// <c>/openapi/v1.json</c>. Bound to the loopback interface unless the caller passes other URLs.
/// </summary>
public static partial class HearsayApi
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public const int DefaultLimit = 50;

    public const int MaxLimit = 500;

    /// <summary>Builds the app (not started). The caller owns <paramref name="store"/> and disposes it after the app stops.</summary>
    public static WebApplication CreateApp(IDocumentStore store, string[]? urls = null)
    {
        ArgumentNullException.ThrowIfNull(store);

        // Content root at the binaries: the working folder's appsettings files have no say over the API.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(HearsayApi).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(urls is { Length: > 0 } ? urls : [DefaultUrl]);

        // Logs go to stderr: stdout belongs to results.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        // A failed start (port in use) reaches the caller as the exception StartAsync throws; the host's own stack trace is noise.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);

        builder.Services.AddSingleton(store);
        builder.Services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));

        // Binding failures ("limit=abc") throw, so that the 400 carries the reason instead of an empty body.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Hearsay API";
            document.Info.Description = "Stored analyses: who said what, according to whom.";
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        app.Use(ProblemsForErrors);
        app.UseStatusCodePages();
        app.MapOpenApi();
        Map(app.MapGroup("/api"));
        return app;
    }

    private static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/documents", ListDocuments)
            .WithName("ListDocuments")
            .WithSummary("Stored documents, one page at a time, in the order they were stored.");
        api.MapGet("/documents/{id}", GetDocument)
            .WithName("GetDocument")
            .WithSummary("One document with its full analysis (the JSON output contract).");
        api.MapGet("/attributions", AttributionsBySource)
            .WithName("AttributionsBySource")
            .WithSummary("Attributions whose source text, resolved entity name or entity id matches, case-insensitively.");
        api.MapGet("/search", Search)
            .WithName("Search")
            .WithSummary("Full-text search over document text and attribution content; every word must occur, a trailing * matches a prefix.");
        api.MapGet("/entities", ListEntities)
            .WithName("ListEntities")
            .WithSummary("Cross-document entities, one page at a time: aliases, the articles each appears in, and the attributions it is the source of.");
        api.MapGet("/entities/{id}", GetEntity)
            .WithName("GetEntity")
            .WithSummary("One entity by its stable id (E1, E2, ...).");
        api.MapGet("/health", Health)
            .WithName("Health")
            .WithSummary("Whether the store answers, with its document count.");
    }

    private static async Task<Results<Ok<DocumentPage>, ProblemHttpResult>> ListDocuments(
        IDocumentStore store,
        [Description("Documents to skip (default 0).")] int? offset,
        [Description("Page size, 1 to 500 (default 50).")] int? limit,
        CancellationToken cancellationToken)
    {
        if (offset is < 0)
        {
            return BadRequest($"offset must be 0 or more; got {offset}.");
        }

        if (CheckLimit(limit) is { } problem)
        {
            return problem;
        }

        int skip = offset ?? 0;
        int take = limit ?? DefaultLimit;
        var total = await store.CountAsync(cancellationToken);
        var items = await store.ListAsync(skip, take, cancellationToken);
        return TypedResults.Ok(new DocumentPage(total, skip, take, items));
    }

    private static async Task<Results<Ok<DocumentResult>, ProblemHttpResult>> GetDocument(
        IDocumentStore store,
        [Description("The document id (from the list or from `hearsay ingest`).")] string id,
        CancellationToken cancellationToken)
    {
        var document = await store.GetAsync(id, cancellationToken);
        return document is null
            ? TypedResults.Problem(title: "Not found", detail: $"No stored document has the id '{id}'.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(document);
    }

    private static async Task<Results<Ok<SourceAttributions>, ProblemHttpResult>> AttributionsBySource(
        IDocumentStore store,
        [Description("A source as written (\"the ministry\"), or its resolved entity's name or id.")] string source,
        [Description("Most results, 1 to 500 (default 50).")] int? limit,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(source))
        {
            return BadRequest("source must name a source, e.g. ?source=Reuters.");
        }

        if (CheckLimit(limit) is { } problem)
        {
            return problem;
        }

        var items = await store.AttributionsBySourceAsync(source.Trim(), limit ?? DefaultLimit, cancellationToken);
        return TypedResults.Ok(new SourceAttributions(source.Trim(), items));
    }

    private static async Task<Results<Ok<SearchResults>, ProblemHttpResult>> Search(
        IDocumentStore store,
        [Description("Words to find; operators and punctuation are taken as plain text.")] string q,
        [Description("Most results, 1 to 500 (default 50).")] int? limit,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return BadRequest("q must hold at least one word, e.g. ?q=ceasefire.");
        }

        if (CheckLimit(limit) is { } problem)
        {
            return problem;
        }

        var items = await store.SearchAsync(q, limit ?? DefaultLimit, cancellationToken);
        return TypedResults.Ok(new SearchResults(q, items));
    }

    private static async Task<Results<Ok<EntityPage>, ProblemHttpResult>> ListEntities(
        IDocumentStore store,
        [Description("Entities to skip (default 0).")] int? offset,
        [Description("Page size, 1 to 500 (default 50).")] int? limit,
        CancellationToken cancellationToken)
    {
        if (offset is < 0)
        {
            return BadRequest($"offset must be 0 or more; got {offset}.");
        }

        if (CheckLimit(limit) is { } problem)
        {
            return problem;
        }

        if (store is not IEntityStore entities)
        {
            return NoEntities();
        }

        int skip = offset ?? 0;
        int take = limit ?? DefaultLimit;
        var total = await entities.CountEntitiesAsync(cancellationToken);
        var items = await entities.ListEntitiesAsync(skip, take, cancellationToken);
        return TypedResults.Ok(new EntityPage(total, skip, take, items));
    }

    private static async Task<Results<Ok<StoredEntity>, ProblemHttpResult>> GetEntity(
        IDocumentStore store,
        [Description("The entity id (from the entity list or `hearsay entities`).")] string id,
        CancellationToken cancellationToken)
    {
        if (store is not IEntityStore entities)
        {
            return NoEntities();
        }

        var entity = await entities.GetEntityAsync(id, cancellationToken);
        return entity is null
            ? TypedResults.Problem(title: "Not found", detail: $"No stored entity has the id '{id}'.", statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(entity);
    }

    private static ProblemHttpResult NoEntities()
        => TypedResults.Problem(title: "Not implemented", detail: "This store does not keep cross-document entities.", statusCode: StatusCodes.Status501NotImplemented);

    private static async Task<Ok<HealthReport>> Health(IDocumentStore store, CancellationToken cancellationToken)
        => TypedResults.Ok(new HealthReport("ok", await store.CountAsync(cancellationToken)));

    private static ProblemHttpResult? CheckLimit(int? limit)
        => limit is < 1 or > MaxLimit ? BadRequest($"limit must be between 1 and {MaxLimit}; got {limit}.") : null;

    private static ProblemHttpResult BadRequest(string detail)
        => TypedResults.Problem(title: "Bad request", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    private static async Task ProblemsForErrors(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await TypedResults.Problem(title: "Bad request", detail: Explain(e), statusCode: e.StatusCode).ExecuteAsync(context);
        }
        catch (StoreException e) when (!context.Response.HasStarted)
        {
            context.Response.Clear();
            await TypedResults.Problem(title: "Store error", detail: e.Message, statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context);
        }
    }

    /// <summary>Restates the framework's binding errors in the API's terms (parameter name and what it must be).</summary>
    private static string Explain(BadHttpRequestException e)
    {
        var failed = BindFailure().Match(e.Message);
        if (failed.Success)
        {
            var type = failed.Groups["type"].Value;
            var what = type is "int" or "Int32" or "long" or "Int64" ? "a whole number" : "a " + type;
            return $"{failed.Groups["name"].Value} must be {what}; got '{failed.Groups["value"].Value}'.";
        }

        var missing = MissingParameter().Match(e.Message);
        return missing.Success ? $"the query parameter '{missing.Groups["name"].Value}' is required." : e.Message;
    }

    [GeneratedRegex("""^Failed to bind parameter "(?:Nullable<)?(?<type>\w+)>? (?<name>\w+)" from "(?<value>.*)"\.$""")]
    private static partial Regex BindFailure();

    [GeneratedRegex("""^Required parameter "\S+ (?<name>\w+)" was not provided""")]
    private static partial Regex MissingParameter();

    private static void Configure(JsonSerializerOptions options)
    {
        // The same shape as HearsayJson.Options, so the API and the CLI print identical JSON.
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
    }
}
