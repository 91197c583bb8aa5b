using System.Net;
using System.Net.Http.Headers;
using ClientRequests.Notifications.Data;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.Notifications.Tests;

/// <summary>The notifications service in memory, on a fresh virtual host of the real broker and a real SQLite file.</summary>
public sealed class NotificationsApp(string amqpUri, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<NotificationsApiMarker>
{
    readonly string dataFolder = Path.Combine(Path.GetTempPath(), $"notifications-{Guid.NewGuid():N}");

    public string DataFolder => dataFolder;

    public static async Task<NotificationsApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var broker = await TestBroker.Shared;
        var app = new NotificationsApp(await broker.NewVirtualHostAsync("notifications"), settings ?? new Dictionary<string, string?>());
        await app.WaitUntilReadyAsync();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // UseSetting, not ConfigureAppConfiguration: the service reads these while it builds, before the host exists.
        builder.UseSetting("ConnectionStrings:rabbitmq", amqpUri);
        builder.UseSetting("Data:Folder", dataFolder);
        builder.UseSetting("Auth:SigningKey", Tokens.SigningKey);
        builder.UseSetting("Messaging:Outbox:PollInterval", "00:00:00.200");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    public HttpClient ClientFor(PlatformUser user)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(user));
        return client;
    }

    public Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        Services.GetRequiredService<IBus>().Publish(message, context =>
        {
            if (messageId is { } id) context.MessageId = id;
        });

    public async Task<T> QueryAsync<T>(Func<NotificationsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<NotificationsDbContext>());
    }

    /// <summary>The bus starts in the background; a message published before the queue is bound would be lost.</summary>
    async Task WaitUntilReadyAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            await Task.Delay(200);
        }
        throw new TimeoutException("The notifications service did not become ready within 60 s.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(dataFolder, recursive: true); }
        catch (IOException) { }
    }
}

/// <summary>One service per test class: tests keep apart by notifying users of their own.</summary>
public sealed class NotificationsAppFixture : IAsyncLifetime
{
    public NotificationsApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await NotificationsApp.StartAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
