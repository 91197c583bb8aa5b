using ClientRequests.Notifications.Data;
using ClientRequests.TestKit;

namespace Notifications.Tests;

/// <summary>The notifications service in memory, on a fresh virtual host of the real broker and a real SQLite file.</summary>
public sealed class NotificationsApp(string amqpUri, IReadOnlyDictionary<string, string?> settings)
    : ServiceApp<NotificationsApiMarker, NotificationsDbContext>(amqpUri, settings)
{
    public static async Task<NotificationsApp> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var broker = await TestBroker.Shared;
        var app = new NotificationsApp(await broker.NewVirtualHostAsync("notifications"), settings ?? new Dictionary<string, string?>());
        await app.WaitUntilReadyAsync();
        return app;
    }
}

/// <summary>One service per test class: tests keep apart by notifying users of their own.</summary>
public sealed class NotificationsAppFixture : IAsyncLifetime
{
    public NotificationsApp App { get; private set; } = null!;

    public async ValueTask InitializeAsync() => App = await NotificationsApp.StartAsync();

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
