using Hearsay.Core.Serialization;
using Hearsay.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Hearsay.Web.Tests;

/// <summary>The API on 127.0.0.1 with a free port, over a temporary SQLite store holding three documents.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "hearsay-web-" + Guid.NewGuid().ToString("N"));
    private SqliteDocumentStore? store;
    private WebApplication? app;

    public static IReadOnlyList<DocumentResult> Documents { get; } =
    [
        ApiSamples.Quote("doc-1", "Mayor Lina Ortiz", "Lina Ortiz", "harbour"),
        ApiSamples.Quote("doc-2", "Councillor Ben Aziz", "Ben Aziz", "railway"),
        ApiSamples.Quote("doc-3", "Ms Ortiz", "Lina Ortiz", "library"),
    ];

    public HttpClient Client { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        store = SqliteDocumentStore.Open(Path.Combine(folder, "api.db"));
        foreach (var d in Documents)
        {
            await store.SaveAsync(d);
        }

        app = HearsayApi.CreateApp(store, ["http://127.0.0.1:0"]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        BaseAddress = new Uri(address);
        Client = new HttpClient(new SocketsHttpHandler(), disposeHandler: true) { BaseAddress = BaseAddress };
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        store?.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }
}
