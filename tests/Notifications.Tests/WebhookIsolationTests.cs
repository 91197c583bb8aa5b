using ClientRequests.ServiceDefaults.Security;
using static Notifications.Tests.Scenario;
using static Notifications.Tests.Webhooks;

namespace Notifications.Tests;

public sealed class WebhookIsolationTests
{
    [Fact]
    public async Task A_slow_receiver_never_delays_another_subscriptions_delivery()
    {
        // A timeout far longer than the wait below: if the fast receiver queued behind the slow one, the test would fail.
        await using var app = await NotificationsApp.StartAsync(FastSettings(timeout: "00:00:15"));
        await using var slow = await Receiver.StartAsync();
        await using var fast = await Receiver.StartAsync();
        var release = new TaskCompletionSource();
        slow.Answer = Receiver.Hang(release.Task);
        var admin = app.ClientFor(DemoUsers.Grace);

        await SubscribeAsync(admin, slow.Url);
        await app.PublishAsync(Submitted(NewManager()));
        Assert.True(await slow.CallsEventuallyAsync(c => c.Count == 1, TimeSpan.FromSeconds(20)));

        var fastSubscription = await SubscribeAsync(admin, fast.Url);
        await app.PublishAsync(Submitted(NewManager()));

        Assert.True(await fast.CallsEventuallyAsync(c => c.Count == 1, TimeSpan.FromSeconds(5)));
        Assert.False(release.Task.IsCompleted);
        Assert.Single(slow.Calls);
        var log = await DeliveriesEventuallyAsync(admin, fastSubscription.Id, l => l.Count == 1 && l[0].Status == "Delivered", seconds: 5);
        Assert.Equal("Delivered", Assert.Single(log).Status);
        release.SetResult();
    }

    [Fact]
    public async Task Dead_and_hanging_receivers_never_delay_a_healthy_subscriptions_deliveries()
    {
        await using var app = await NotificationsApp.StartAsync(FastSettings(timeout: "00:00:15"));
        await using var hanging = await Receiver.StartAsync();
        await using var healthy = await Receiver.StartAsync();
        var dead = await Receiver.StartAsync();
        var deadUrl = dead.Url;
        await dead.DisposeAsync(); // nothing listens there any more: every connection is refused
        var release = new TaskCompletionSource();
        hanging.Answer = Receiver.Hang(release.Task);
        var admin = app.ClientFor(DemoUsers.Grace);
        var deadSubscription = await SubscribeAsync(admin, deadUrl);
        await SubscribeAsync(admin, hanging.Url);
        var healthySubscription = await SubscribeAsync(admin, healthy.Url);

        for (var i = 0; i < 3; i++) await app.PublishAsync(Submitted(NewManager()));

        // Well within the hanging receiver's 15 s timeout, while the dead one fails and is retried until it is paused.
        Assert.True(await healthy.CallsEventuallyAsync(c => c.Count == 3, TimeSpan.FromSeconds(8)));
        Assert.Single(hanging.Calls);
        var log = await DeliveriesEventuallyAsync(admin, healthySubscription.Id, l => l.Count == 3 && l.All(d => d.Status == "Delivered"), seconds: 5);
        Assert.All(log, d => Assert.Equal(1, d.Attempts));
        Assert.Contains(await DeliveriesAsync(admin, deadSubscription.Id), d => d.Attempts > 0 && d.Status != "Delivered");
        release.SetResult();
    }
}
