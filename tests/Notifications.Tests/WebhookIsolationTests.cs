using ClientRequests.ServiceDefaults.Security;
using static ClientRequests.Notifications.Tests.Scenario;
using static ClientRequests.Notifications.Tests.Webhooks;

namespace ClientRequests.Notifications.Tests;

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
}
