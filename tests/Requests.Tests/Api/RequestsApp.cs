using System.Net;
using System.Net.Http.Headers;
using ClientRequests.Clients.Grpc;
using ClientRequests.Departments.Grpc;
using ClientRequests.Requests.Data;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Requests.Tests.Api;

/// <summary>
/// The requests service in memory on a fresh virtual host of the real broker and a real SQLite file; only the
/// clients and departments services' gRPC clients are replaced by in-memory fakes.
/// </summary>
public sealed class RequestsApp(string amqpUri, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<RequestsApiMarker>
{
    readonly string dataFolder = Path.Combine(Path.GetTempPath(), $"requests-{Guid.NewGuid():N}");

    public FakeClientDirectory Directory { get; } = new();

    public static async Task<RequestsApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var broker = await TestBroker.Shared;
        var app = new RequestsApp(await broker.NewVirtualHostAsync("requests"), settings ?? new Dictionary<string, string?>());
        await app.WaitUntilReadyAsync();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:rabbitmq", amqpUri);
        builder.UseSetting("Data:Folder", dataFolder);
        builder.UseSetting("Auth:SigningKey", Tokens.SigningKey);
        builder.UseSetting("Messaging:Outbox:PollInterval", "00:00:00.200");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ClientDirectory.ClientDirectoryClient>(Directory);
            services.AddSingleton<DepartmentRouting.DepartmentRoutingClient>(new FakeDepartmentRouting());
        });
    }

    public HttpClient ClientFor(PlatformUser user)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(user));
        return client;
    }

    public Task PublishAsync(object message, Guid messageId) =>
        Services.GetRequiredService<IBus>().Publish(message, message.GetType(), context => context.MessageId = messageId);

    public async Task<T> QueryAsync<T>(Func<RequestsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RequestsDbContext>());
    }

    /// <summary>The bus starts in the background; a message published before the queues are bound would be lost.</summary>
    async Task WaitUntilReadyAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            await Task.Delay(200);
        }
        throw new TimeoutException("The requests service did not become ready within 60 s.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(dataFolder, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>One service per test class; tests keep apart by opening requests of their own.</summary>
public sealed class RequestsAppFixture : IAsyncLifetime
{
    public RequestsApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await RequestsApp.StartAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
