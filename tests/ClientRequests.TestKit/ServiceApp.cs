using System.Net;
using System.Net.Http.Headers;
using ClientRequests.ServiceDefaults.Security;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.TestKit;

/// <summary>
/// One service in memory for API tests: a fresh virtual host of the real broker, a real SQLite file in a folder
/// of its own, tokens from the in-process test authority. Subclasses add what their service's tests need.
/// </summary>
public abstract class ServiceApp<TEntryPoint, TDbContext>(string amqpUri, IReadOnlyDictionary<string, string?> settings)
    : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
    where TDbContext : DbContext
{
    public string DataFolder { get; } = Path.Combine(Path.GetTempPath(), $"{typeof(TEntryPoint).Name}-{Guid.NewGuid():N}");

    public string AmqpUri => amqpUri;

    public string VirtualHost => Uri.UnescapeDataString(new Uri(amqpUri).AbsolutePath.TrimStart('/'));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // UseSetting, not ConfigureAppConfiguration: the services read these while they build, before the host exists.
        builder.UseSetting("ConnectionStrings:rabbitmq", amqpUri);
        builder.UseSetting("Data:Folder", DataFolder);
        builder.UseSetting("Auth:Authority", TestAuthority.Issuer.ToString());
        builder.UseSetting("Messaging:Outbox:PollInterval", "00:00:00.200");
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
    }

    public HttpClient ClientFor(PlatformUser user)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(user));
        return client;
    }

    /// <summary>Publishes as another service would, with the message id a redelivery would carry again.</summary>
    public Task PublishAsync<T>(T message, Guid? messageId = null) where T : class =>
        Services.GetRequiredService<IBus>().Publish(message, message.GetType(), context => context.MessageId = messageId ?? NewId.NextGuid());

    public async Task<T> QueryAsync<T>(Func<TDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TDbContext>());
    }

    /// <summary>The bus starts in the background; a message published before the queues are bound would be lost.</summary>
    public async Task WaitUntilReadyAsync()
    {
        using var client = CreateClient();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            await Task.Delay(200);
        }
        throw new TimeoutException($"{typeof(TEntryPoint).Name} did not become ready within 60 s.");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataFolder, recursive: true); }
        catch (IOException) { }
        GC.SuppressFinalize(this);
    }
}
