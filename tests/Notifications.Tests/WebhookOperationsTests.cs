using System.Net;
using System.Net.Http.Json;
using ClientRequests.Notifications.Webhooks;
using ClientRequests.ServiceDefaults.Security;
using static ClientRequests.Notifications.Apis.WebhooksApi;
using static Notifications.Tests.Scenario;
using static Notifications.Tests.Webhooks;

namespace Notifications.Tests;

/// <summary>What an operator does with a subscription: resume it, replay a time range, delete it.</summary>
public sealed class WebhookOperationsTests : IAsyncLifetime
{
    NotificationsApp app = null!;
    Receiver receiver = null!;
    HttpClient admin = null!;

    public async ValueTask InitializeAsync()
    {
        app = await NotificationsApp.StartAsync(FastSettings());
        receiver = await Receiver.StartAsync();
        admin = app.ClientFor(DemoUsers.Grace);
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await receiver.DisposeAsync();
    }

    [Fact]
    public async Task Resuming_a_paused_subscription_sends_what_waited_and_with_redeliver_parked_what_was_parked()
    {
        receiver.Answer = (_, _) => Task.FromResult(503);
        var subscription = await SubscribeAsync(admin, receiver.Url);
        await app.PublishAsync(Submitted(NewManager()));
        var parked = Assert.Single(await DeliveriesEventuallyAsync(admin, subscription.Id, l => l.Count == 1 && l[0].Status == "Parked"));
        Assert.Equal("Paused", (await SubscriptionAsync(admin, subscription.Id)).Status);
        await app.PublishAsync(Submitted(NewManager()));
        await DeliveriesEventuallyAsync(admin, subscription.Id, l => l.Count == 2);
        receiver.Answer = (_, _) => Task.FromResult(200);

        var resumed = await admin.PostAsync($"/api/notifications/webhooks/{subscription.Id}/resume", null);

        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        Assert.Equal("Active", (await resumed.Content.ReadFromJsonAsync<SubscriptionView>())!.Status);
        var log = await DeliveriesEventuallyAsync(admin, subscription.Id, l => l.Count(d => d.Status == "Delivered") == 1);
        await Task.Delay(500);
        log = await DeliveriesAsync(admin, subscription.Id);
        Assert.Equal("Parked", log.Single(d => d.Id == parked.Id).Status);
        Assert.Equal("Delivered", log.Single(d => d.Id != parked.Id).Status);

        (await admin.PostAsync($"/api/notifications/webhooks/{subscription.Id}/resume?redeliverParked=true", null)).EnsureSuccessStatusCode();

        log = await DeliveriesEventuallyAsync(admin, subscription.Id, l => l.All(d => d.Status == "Delivered"));
        Assert.All(log, d => Assert.Equal("Delivered", d.Status));
        Assert.Equal(2, receiver.Calls.Where(c => c.Number > 4).Select(c => c.Headers["webhook-id"]).Distinct().Count());
    }

    [Fact]
    public async Task Replaying_a_time_range_sends_again_exactly_the_deliveries_made_in_it()
    {
        var subscription = await SubscribeAsync(admin, receiver.Url);
        await app.PublishAsync(Submitted(NewManager()));
        var before = Assert.Single(await DeliveriesEventuallyAsync(admin, subscription.Id, l => l.Count == 1 && l[0].Status == "Delivered"));
        await Task.Delay(50);
        var from = DateTimeOffset.UtcNow;
        await app.PublishAsync(Submitted(NewManager()));
        await app.PublishAsync(Submitted(NewManager()));
        var log = await DeliveriesEventuallyAsync(admin, subscription.Id, l => l.Count == 3 && l.All(d => d.Status == "Delivered"));
        var inRange = log.Where(d => d.Id != before.Id).Select(d => d.Id.ToString()).Order().ToList();
        Assert.Equal(3, receiver.Calls.Count);

        var response = await admin.PostAsJsonAsync($"/api/notifications/webhooks/{subscription.Id}/deliveries/replay",
            new ReplayRangeInput(from, DateTimeOffset.UtcNow.AddSeconds(1)));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (await response.Content.ReadFromJsonAsync<Replayed>())!.Deliveries);
        Assert.True(await receiver.CallsEventuallyAsync(c => c.Count == 5, TimeSpan.FromSeconds(20)));
        await Task.Delay(500);
        Assert.Equal(5, receiver.Calls.Count);
        Assert.Equal(inRange, receiver.Calls.Skip(3).Select(c => c.Headers["webhook-id"]).Order());
        log = await DeliveriesEventuallyAsync(admin, subscription.Id, l => l.All(d => d.Status == "Delivered"));
        Assert.Equal(1, log.Single(d => d.Id == before.Id).Attempts);
        Assert.All(log.Where(d => d.Id != before.Id), d => Assert.Equal(2, d.Attempts));
    }

    [Theory]
    [InlineData("""{"to":"2026-01-01T00:00:00Z"}""", "from")]
    [InlineData("""{"from":"2026-01-01T00:00:00Z"}""", "to")]
    [InlineData("""{"from":"2026-01-02T00:00:00Z","to":"2026-01-01T00:00:00Z"}""", "to")]
    public async Task A_bad_replay_range_is_a_400_naming_the_field(string body, string field)
    {
        var subscription = await SubscribeAsync(admin, receiver.Url);

        var response = await admin.PostAsync($"/api/notifications/webhooks/{subscription.Id}/deliveries/replay",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_deleted_subscription_receives_nothing_more_and_is_gone()
    {
        var subscription = await SubscribeAsync(admin, receiver.Url);
        await app.PublishAsync(Submitted(NewManager()));
        await DeliveriesEventuallyAsync(admin, subscription.Id, l => l.Count == 1 && l[0].Status == "Delivered");

        var deleted = await admin.DeleteAsync($"/api/notifications/webhooks/{subscription.Id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var marker = await SubscribeAsync(admin, receiver.Url);
        await app.PublishAsync(Submitted(NewManager()));
        await DeliveriesEventuallyAsync(admin, marker.Id, l => l.Count == 1 && l[0].Status == "Delivered");
        await Task.Delay(300);
        Assert.Equal(2, receiver.Calls.Count);
        Assert.DoesNotContain(await admin.GetFromJsonAsync<List<SubscriptionView>>("/api/notifications/webhooks") ?? [], s => s.Id == subscription.Id);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/notifications/webhooks/{subscription.Id}/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/api/notifications/webhooks/{subscription.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/notifications/webhooks/{subscription.Id}/resume", null)).StatusCode);
    }

    [Fact]
    public async Task Only_admins_resume_replay_or_delete()
    {
        var subscription = await SubscribeAsync(admin, receiver.Url);
        var manager = app.ClientFor(DemoUsers.Alice);

        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync($"/api/notifications/webhooks/{subscription.Id}/resume", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.DeleteAsync($"/api/notifications/webhooks/{subscription.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync($"/api/notifications/webhooks/{subscription.Id}/deliveries/replay",
            new ReplayRangeInput(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow))).StatusCode);
    }
}
