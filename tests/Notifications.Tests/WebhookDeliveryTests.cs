using System.Text.Json;
using ClientRequests.Notifications.Domain;
using ClientRequests.Notifications.Webhooks;
using ClientRequests.ServiceDefaults.Security;
using static Notifications.Tests.Scenario;
using static Notifications.Tests.Webhooks;

namespace Notifications.Tests;

/// <summary>Each test gets its own service: subscriptions see every event, so tests must not share one.</summary>
public sealed class WebhookDeliveryTests : IAsyncLifetime
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
    public async Task A_delivery_is_signed_by_the_Standard_Webhooks_spec_and_verifies_with_its_published_library()
    {
        var subscription = await SubscribeAsync(admin, receiver.Url);
        var submitted = Submitted(NewManager());

        await app.PublishAsync(submitted);

        Assert.True(await receiver.CallsEventuallyAsync(c => c.Count == 1, TimeSpan.FromSeconds(20)));
        var call = receiver.Calls[0];
        Assert.Matches("^v1,[A-Za-z0-9+/]{43}=$", call.Headers["webhook-signature"]);
        Assert.InRange(long.Parse(call.Headers["webhook-timestamp"]), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Verify(Secret, call);
        Assert.False(Verifies(RotatedSecret, call));
        Assert.False(Verifies(Secret, call with { Body = call.Body.Replace("Contoso", "Contosa") }));
        Assert.False(Verifies(Secret, call with { Headers = new Dictionary<string, string>(call.Headers) { ["webhook-id"] = Guid.NewGuid().ToString() } }));

        using var body = JsonDocument.Parse(call.Body);
        Assert.Equal("request-submitted", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(submitted.RequestId, body.RootElement.GetProperty("data").GetProperty("requestId").GetGuid());
        Assert.Equal("request-submitted", call.Headers[WebhookSender.EventHeader]);

        var log = await DeliveriesEventuallyAsync(admin, subscription.Id, l => l.Count == 1 && l[0].Status == "Delivered");
        Assert.Equal(log[0].Id.ToString(), call.Headers["webhook-id"]);
        Assert.Equal(1, log[0].Attempts);
    }

    [Fact]
    public async Task A_receiver_that_fails_three_times_then_succeeds_gets_one_delivery_logged_as_retried()
    {
        receiver.Answer = (number, _) => Task.FromResult(number <= 3 ? 500 : 200);
        var subscription = await SubscribeAsync(admin, receiver.Url);

        await app.PublishAsync(Submitted(NewManager()));

        var log = await DeliveriesEventuallyAsync(admin, subscription.Id, l => l.Count == 1 && l[0].Status == "Delivered");
        var delivery = Assert.Single(log);
        Assert.Equal("Delivered", delivery.Status);
        Assert.Equal(4, delivery.Attempts);
        Assert.Equal([500, 500, 500, 200], delivery.Log.Select(a => a.StatusCode));
        Assert.Equal([false, false, false, true], delivery.Log.Select(a => a.Succeeded));
        await Task.Delay(500);
        Assert.Equal(4, receiver.Calls.Count);
        Assert.Single(receiver.Calls.Select(c => c.Headers["webhook-id"]).Distinct());
        Assert.Single(receiver.Calls.Select(c => c.Body).Distinct());
        Assert.Equal("Active", (await SubscriptionAsync(admin, subscription.Id)).Status);
    }

    [Fact]
    public async Task A_receiver_that_never_answers_is_paused_and_its_parked_delivery_is_delivered_on_replay()
    {
        var never = new TaskCompletionSource();
        receiver.Answer = Receiver.Hang(never.Task);
        var subscription = await SubscribeAsync(admin, receiver.Url);

        await app.PublishAsync(Submitted(NewManager()));

        var log = await DeliveriesEventuallyAsync(admin, subscription.Id, l => l.Count == 1 && l[0].Status == "Parked");
        var parked = Assert.Single(log);
        Assert.Equal("Parked", parked.Status);
        Assert.Equal(4, parked.Attempts);
        Assert.All(parked.Log, a => Assert.Contains("No complete answer", a.Error));
        Assert.Equal("Paused", (await SubscriptionAsync(admin, subscription.Id)).Status);

        // While paused, a new event waits instead of hammering the receiver.
        await app.PublishAsync(Submitted(NewManager()));
        await DeliveriesEventuallyAsync(admin, subscription.Id, l => l.Count == 2);
        await Task.Delay(1000);
        Assert.Equal(4, receiver.Calls.Count);

        receiver.Answer = (_, _) => Task.FromResult(204);
        var replay = await admin.PostAsync($"/api/notifications/webhooks/{subscription.Id}/deliveries/{parked.Id}/replay", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, replay.StatusCode);

        log = await DeliveriesEventuallyAsync(admin, subscription.Id, l => l.All(d => d.Status == "Delivered"));
        Assert.All(log, d => Assert.Equal("Delivered", d.Status));
        Assert.Equal(5, log.Single(d => d.Id == parked.Id).Attempts);
        Assert.Equal("Active", (await SubscriptionAsync(admin, subscription.Id)).Status);
        Assert.Equal(6, receiver.Calls.Count);
    }

    [Fact]
    public async Task An_unknown_delivery_cannot_be_replayed()
    {
        var subscription = await SubscribeAsync(admin, receiver.Url);

        var unknown = await admin.PostAsync($"/api/notifications/webhooks/{subscription.Id}/deliveries/{Guid.NewGuid()}/replay", null);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_receiver_answering_an_endless_body_is_read_only_up_to_the_limit_and_the_delivery_completes()
    {
        receiver.WriteBody = async (response, cancellationToken) =>
        {
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)'x');
            while (!cancellationToken.IsCancellationRequested) await response.Body.WriteAsync(chunk, cancellationToken);
        };
        var subscription = await SubscribeAsync(admin, receiver.Url);

        await app.PublishAsync(Submitted(NewManager()));

        // Were the body read to its (missing) end, every attempt would run out of time and the delivery would be parked.
        // A busy machine may still make one attempt miss the 2 s timeout: the one that succeeded is what counts.
        var log = await DeliveriesEventuallyAsync(admin, subscription.Id, l => l.Count == 1 && l[0].Status == "Delivered");
        var succeeded = Assert.Single(Assert.Single(log).Log, a => a.Succeeded);
        Assert.Equal(200, succeeded.StatusCode);
        Assert.Equal(4096, succeeded.Response?.Length);
    }
}
