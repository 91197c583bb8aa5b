using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.EndToEnd.Tests;

/// <summary>
/// Subscriptions at the real gateway, fed by the real services' events over the real broker, with the same access
/// rules as the queries.
/// </summary>
public sealed class GraphQLSubscriptionTests(PlatformFixture fixture)
{
    static readonly TimeSpan WithinSeconds = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task A_claim_in_the_department_reaches_the_request_and_queue_subscribers_within_seconds()
    {
        using var alice = fixture.Platform.GatewayClient(DemoUsers.Alice);
        using var carol = fixture.Platform.GatewayClient(DemoUsers.Carol);
        // Opened first, so the new request's work item arriving in billing's queue is one of its changes.
        using var queue = await SubscribeAsync(carol, """
            subscription { departmentQueueChanged(code: "billing") { kind requestId workItemId workItemStatus queue { items { requestId } } } }
            """);

        var opened = await PostAsync(alice, """
            mutation Open($input: OpenRequestInput!) { openRequest(input: $input) { id } }
            """, new { input = new { clientId = DemoClients.Acme, type = "billing", priority = "P2", title = "Refund the duplicate charge", description = "Charged twice in November." } });
        var requestId = opened.GetProperty("data").GetProperty("openRequest").GetProperty("id").GetString()!;
        using var updates = await SubscribeAsync(alice, $$"""
            subscription { requestUpdated(id: "{{requestId}}") { id status workItems { id departmentCode status } } }
            """);
        var first = (await updates.NextAsync(WithinSeconds, _ => true)).GetProperty("requestUpdated");
        Assert.Equal(requestId, first.GetProperty("id").GetString());

        var queued = (await queue.NextAsync(WithinSeconds, d =>
            d.GetProperty("departmentQueueChanged").GetProperty("requestId").GetString() == requestId &&
            d.GetProperty("departmentQueueChanged").GetProperty("kind").GetString() == "WORK_ITEM_QUEUED")).GetProperty("departmentQueueChanged");
        Assert.Contains(queued.GetProperty("queue").GetProperty("items").EnumerateArray(), i => i.GetProperty("requestId").GetString() == requestId);
        var workItemId = queued.GetProperty("workItemId").GetString()!;

        var claim = await carol.PostAsJsonAsync($"api/departments/billing/queue/{workItemId}/claim", new { });
        Assert.True(claim.IsSuccessStatusCode, await claim.Content.ReadAsStringAsync());

        var claimed = await queue.NextAsync(WithinSeconds, d =>
            d.GetProperty("departmentQueueChanged").GetProperty("workItemId").GetString() == workItemId &&
            d.GetProperty("departmentQueueChanged").GetProperty("kind").GetString() == "WORK_ITEM_CLAIMED");
        Assert.Equal("Claimed", claimed.GetProperty("departmentQueueChanged").GetProperty("workItemStatus").GetString());
        var seen = await updates.NextAsync(WithinSeconds, d => d.GetProperty("requestUpdated").GetProperty("workItems").EnumerateArray()
            .Any(w => w.GetProperty("id").GetString() == workItemId && w.GetProperty("status").GetString() == "Claimed"));
        Assert.Equal(requestId, seen.GetProperty("requestUpdated").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Another_teams_manager_cannot_subscribe_to_a_request_nor_an_agent_to_another_departments_queue()
    {
        using var alice = fixture.Platform.GatewayClient(DemoUsers.Alice);
        var opened = await PostAsync(alice, """
            mutation Open($input: OpenRequestInput!) { openRequest(input: $input) { id } }
            """, new { input = new { clientId = DemoClients.Acme, type = "billing", priority = "P3", title = "Acme only", description = "Not for other teams." } });
        var requestId = opened.GetProperty("data").GetProperty("openRequest").GetProperty("id").GetString()!;

        using var mallory = fixture.Platform.GatewayClient(DemoUsers.Mallory);
        var refused = await RefusedAsync(mallory, $$"""subscription { requestUpdated(id: "{{requestId}}") { status } }""");
        Assert.Equal("NOT_FOUND", refused);

        using var carol = fixture.Platform.GatewayClient(DemoUsers.Carol);
        Assert.Equal("FORBIDDEN", await RefusedAsync(carol, """subscription { departmentQueueChanged(code: "legal") { kind } }"""));

        // The lead of billing and an admin are let in, as the REST rules let them read the queue.
        using var dave = fixture.Platform.GatewayClient(DemoUsers.Dave);
        using (await SubscribeAsync(dave, """subscription { departmentQueueChanged(code: "billing") { kind } }""")) { }
        using var grace = fixture.Platform.GatewayClient(DemoUsers.Grace);
        using (await SubscribeAsync(grace, """subscription { departmentQueueChanged(code: "legal") { kind } }""")) { }
    }

    /// <summary>The error code of a subscription the gateway refused: a GraphQL response, never an event stream.</summary>
    async Task<string?> RefusedAsync(HttpClient http, string query)
    {
        using var response = await SendAsync(http, query);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/graphql-response+json", $"{response.StatusCode}: {body}");
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal(JsonValueKind.Null, root.GetProperty("data").ValueKind);
        return root.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString();
    }

    static Task<HttpResponseMessage> SendAsync(HttpClient http, string query)
    {
        var ask = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query }) };
        ask.Headers.Accept.ParseAdd("text/event-stream");
        return http.SendAsync(ask, HttpCompletionOption.ResponseHeadersRead);
    }

    async Task<EventStream> SubscribeAsync(HttpClient http, string query)
    {
        var response = await SendAsync(http, query);
        if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/event-stream")
            Assert.Fail($"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{fixture.Platform.Logs()}");
        return new EventStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()), fixture.Platform.Logs);
    }

    static async Task<JsonElement> PostAsync(HttpClient http, string query, object variables)
    {
        var response = await http.PostAsJsonAsync("graphql", new { query, variables });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.False(root.TryGetProperty("errors", out _), body);
        return root;
    }

    sealed class EventStream(HttpResponseMessage response, StreamReader reader, Func<string> logs) : IDisposable
    {
        /// <summary>The data of the first <c>next</c> event that <paramref name="wanted"/> accepts, skipping the others.</summary>
        public async Task<JsonElement> NextAsync(TimeSpan within, Func<JsonElement, bool> wanted)
        {
            using var timeout = new CancellationTokenSource(within);
            try
            {
                while (true)
                {
                    var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("The stream ended.");
                    if (line != "event: next") continue;
                    var data = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("The stream ended.");
                    var result = JsonDocument.Parse(data["data: ".Length..]).RootElement;
                    Assert.False(result.TryGetProperty("errors", out _), result.ToString());
                    if (wanted(result.GetProperty("data"))) return result.GetProperty("data");
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested)
            {
                throw new TimeoutException($"No such event within {within.TotalSeconds} s.\n{logs()}");
            }
        }

        public void Dispose()
        {
            reader.Dispose();
            response.Dispose();
        }
    }
}
