using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClientRequests.Gateway.Events;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests;

/// <summary>
/// Subscriptions against the in-memory services, events handed straight to the gateway's hub (the broker feed in front
/// of the hub is covered end to end in ClientRequests.EndToEnd.Tests).
/// </summary>
public sealed class SubscriptionTests
{
    [Fact]
    public async Task RequestUpdated_sends_the_request_and_then_each_change_an_event_announces()
    {
        var fake = FakeDirectories.With(clients: 1, requests: 1);
        var request = fake.Requests[0];
        // The timeout bounds each execution, not the life of the stream: the change comes after it has passed.
        await using var gateway = await GatewayApp.StartAsync(fake, new Dictionary<string, string> { ["Gateway:GraphQL:Timeout"] = "00:00:03" });
        var hub = gateway.Services.GetRequiredService<PlatformEventHub>();
        using var alice = gateway.ClientFor(DemoUsers.Alice);

        using var stream = await SubscribeAsync(alice, $$"""subscription { requestUpdated(id: "{{request.Id}}") { status client { name } workItems { status } } }""");
        var first = (await stream.NextAsync()).GetProperty("requestUpdated");
        Assert.Equal("Routed", first.GetProperty("status").GetString());
        Assert.Equal("Client 0", first.GetProperty("client").GetProperty("name").GetString());

        await Task.Delay(TimeSpan.FromSeconds(3.5));
        request.Status = "InProgress";
        hub.Publish(new PlatformEvent(EventKinds.RequestStatusChanged, Guid.Parse(request.Id), DateTimeOffset.UtcNow, RequestStatus: "InProgress"));
        Assert.Equal("InProgress", (await stream.NextAsync()).GetProperty("requestUpdated").GetProperty("status").GetString());

        // The departments' claim is shown before the requests service has applied it, and never moved back afterwards.
        var workItem = Guid.Parse(request.WorkItems[0].Id);
        hub.Publish(new PlatformEvent(EventKinds.WorkItemClaimed, Guid.Parse(request.Id), DateTimeOffset.UtcNow, "billing", workItem, "Claimed", 2, "carol"));
        Assert.Equal("Claimed", (await stream.NextAsync()).GetProperty("requestUpdated").GetProperty("workItems")[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task Events_of_other_requests_and_repeated_events_send_nothing()
    {
        var fake = FakeDirectories.With(clients: 1, requests: 2);
        await using var gateway = await GatewayApp.StartAsync(fake);
        var hub = gateway.Services.GetRequiredService<PlatformEventHub>();
        using var alice = gateway.ClientFor(DemoUsers.Alice);
        var watched = fake.Requests[0];
        using var stream = await SubscribeAsync(alice, $$"""subscription { requestUpdated(id: "{{watched.Id}}") { status } }""");
        await stream.NextAsync();
        var readsBefore = fake.Calls("clientrequests.requests.v1.RequestDirectory/GetRequests");

        fake.Requests[1].Status = "Cancelled";
        hub.Publish(new PlatformEvent(EventKinds.RequestStatusChanged, Guid.Parse(fake.Requests[1].Id), DateTimeOffset.UtcNow, RequestStatus: "Cancelled"));
        // An event about the watched request that changes nothing the subscriber sees (a redelivery) is read but not sent.
        hub.Publish(new PlatformEvent(EventKinds.RequestStatusChanged, Guid.Parse(watched.Id), DateTimeOffset.UtcNow, RequestStatus: "Routed"));
        watched.Status = "Fulfilled";
        await Eventually(() => fake.Calls("clientrequests.requests.v1.RequestDirectory/GetRequests") > readsBefore);
        hub.Publish(new PlatformEvent(EventKinds.RequestStatusChanged, Guid.Parse(watched.Id), DateTimeOffset.UtcNow, RequestStatus: "Fulfilled"));

        // The next result is the watched request's real change: nothing was sent for the other request or the repeat.
        Assert.Equal("Fulfilled", (await stream.NextAsync()).GetProperty("requestUpdated").GetProperty("status").GetString());
    }

    [Fact]
    public async Task DepartmentQueueChanged_sends_the_departments_work_item_events_with_the_queue_read_afresh()
    {
        var fake = FakeDirectories.With(clients: 1, requests: 3);
        await using var gateway = await GatewayApp.StartAsync(fake);
        var hub = gateway.Services.GetRequiredService<PlatformEventHub>();
        using var carol = gateway.ClientFor(DemoUsers.Carol);
        using var stream = await SubscribeAsync(carol,
            """subscription { departmentQueueChanged(code: "billing") { kind departmentCode workItemStatus sequence actorId queue { items { title } } } }""");

        var requestId = Guid.Parse(fake.Requests[0].Id);
        var workItem = Guid.Parse(fake.Requests[0].WorkItems[0].Id);
        var claimed = new PlatformEvent(EventKinds.WorkItemClaimed, requestId, DateTimeOffset.UtcNow, "billing", workItem, "Claimed", 2, "carol");
        hub.Publish(new PlatformEvent(EventKinds.WorkItemQueued, requestId, DateTimeOffset.UtcNow, "legal", workItem, "Queued", 1));
        hub.Publish(claimed);
        hub.Publish(claimed);
        hub.Publish(new PlatformEvent(EventKinds.SlaAtRisk, requestId, DateTimeOffset.UtcNow, "billing", workItem));

        var first = (await stream.NextAsync()).GetProperty("departmentQueueChanged");
        Assert.Equal("WORK_ITEM_CLAIMED", first.GetProperty("kind").GetString());
        Assert.Equal("Claimed", first.GetProperty("workItemStatus").GetString());
        Assert.Equal(2, first.GetProperty("sequence").GetInt32());
        Assert.Equal(2, first.GetProperty("queue").GetProperty("items").GetArrayLength());
        // Legal's event never came; the repeated claim came once.
        Assert.Equal("SLA_AT_RISK", (await stream.NextAsync()).GetProperty("departmentQueueChanged").GetProperty("kind").GetString());
        // One GetQueues to authorise the subscription, then one per result for its `queue` (never a cached page).
        Assert.Equal(3, fake.Calls("clientrequests.departments.v1.DepartmentDirectory/GetQueues"));
    }

    [Fact]
    public async Task An_agent_cannot_subscribe_to_another_departments_queue()
    {
        await using var gateway = await GatewayApp.StartAsync();
        using var carol = gateway.ClientFor(DemoUsers.Carol);

        var response = await SendAsync(carol, """subscription { departmentQueueChanged(code: "legal") { kind } }""");

        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.Equal("FORBIDDEN", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(0, gateway.Hub().Subscribers);
    }

    [Fact]
    public async Task A_request_the_caller_may_not_read_cannot_be_subscribed_to()
    {
        var fake = FakeDirectories.With(clients: 1, requests: 1);
        await using var gateway = await GatewayApp.StartAsync(fake);
        using var alice = gateway.ClientFor(DemoUsers.Alice);
        // The requests service leaves out what the caller may not read: here, an id it does not answer for.
        var response = await SendAsync(alice, $$"""subscription { requestUpdated(id: "{{Guid.NewGuid()}}") { status } }""");

        var body = await response.JsonAsync();
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
        Assert.Equal("NOT_FOUND", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(0, gateway.Hub().Subscribers);
    }

    [Fact]
    public async Task A_subscriber_whom_a_team_change_takes_the_client_from_gets_null_and_the_stream_ends()
    {
        var fake = FakeDirectories.With(clients: 2, requests: 1);
        var request = fake.Requests[0];
        await using var gateway = await GatewayApp.StartAsync(fake);
        using var alice = gateway.ClientFor(DemoUsers.Alice);
        using var stream = await SubscribeAsync(alice, $$"""subscription { requestUpdated(id: "{{request.Id}}") { status } }""");
        await stream.NextAsync();

        // Another client's team changes: nothing is sent, the stream stays.
        var other = fake.Clients.First(c => c.Id != request.ClientId);
        gateway.Hub().Publish(new PlatformEvent(EventKinds.AccountTeamChanged, Guid.Empty, DateTimeOffset.UtcNow, ClientId: Guid.Parse(other.Id)));
        // The client is handed to another manager: the clients service no longer lets Alice read it.
        fake.Foreign.Add(request.ClientId);
        gateway.Hub().Publish(new PlatformEvent(EventKinds.AccountTeamChanged, Guid.Empty, DateTimeOffset.UtcNow, ClientId: Guid.Parse(request.ClientId)));

        Assert.Equal(JsonValueKind.Null, (await stream.NextAsync()).GetProperty("requestUpdated").ValueKind);
        await Assert.ThrowsAsync<EndOfStreamException>(stream.NextAsync);
        await Eventually(() => gateway.Hub().Subscribers == 0);
    }

    [Fact]
    public async Task Closing_the_stream_unsubscribes_from_the_hub()
    {
        var fake = FakeDirectories.With(clients: 1, requests: 1);
        await using var gateway = await GatewayApp.StartAsync(fake);
        using var alice = gateway.ClientFor(DemoUsers.Alice);
        var stream = await SubscribeAsync(alice, $$"""subscription { requestUpdated(id: "{{fake.Requests[0].Id}}") { status } }""");
        await stream.NextAsync();
        Assert.Equal(1, gateway.Hub().Subscribers);

        stream.Dispose();

        await Eventually(() => gateway.Hub().Subscribers == 0);
    }

    [Fact]
    public async Task A_subscription_without_an_event_stream_accept_header_is_406()
    {
        await using var gateway = await GatewayApp.StartAsync();
        using var alice = gateway.ClientFor(DemoUsers.Alice);
        var response = await alice.PostQueryAsync("""subscription { requestUpdated(id: "x") { status } }""");
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    static async Task Eventually(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 50)
        {
            if (waited > 5000) Assert.Fail("The condition did not become true within 5 s.");
            await Task.Delay(50);
        }
    }

    static Task<HttpResponseMessage> SendAsync(HttpClient http, string query)
    {
        var ask = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        ask.Headers.Accept.ParseAdd("text/event-stream");
        return http.SendAsync(ask, HttpCompletionOption.ResponseHeadersRead);
    }

    static async Task<EventStream> SubscribeAsync(HttpClient http, string query)
    {
        var response = await SendAsync(http, query);
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/event-stream")
            Assert.Fail($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    sealed class EventStream(HttpResponseMessage response, StreamReader reader) : IDisposable
    {
        /// <summary>The data of the next <c>next</c> event.</summary>
        public async Task<JsonElement> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (true)
            {
                var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("The stream ended.");
                if (line != "event: next") continue;
                var data = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("The stream ended.");
                var result = JsonDocument.Parse(data["data: ".Length..]).RootElement;
                Assert.False(result.TryGetProperty("errors", out _), result.ToString());
                return result.GetProperty("data");
            }
        }

        public void Dispose()
        {
            reader.Dispose();
            response.Dispose();
        }
    }
}

static class HubAccess
{
    public static PlatformEventHub Hub(this GatewayApp gateway) => gateway.Services.GetRequiredService<PlatformEventHub>();
}
