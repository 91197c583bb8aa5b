using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;

namespace ClientRequests.EndToEnd.Tests;

/// <summary>
/// The production shape in the default test run: PostgreSQL and two instances of every service behind the gateway.
/// Requests keep being accepted, routed and notified, once each, while one instance of a service is killed.
/// </summary>
public sealed class ProductionShapeTests
{
    [Fact]
    public async Task Requests_are_routed_and_notified_once_each_while_an_instance_of_every_service_is_killed_in_turn()
    {
        await using var platform = await Platform.StartProductionShapeAsync();
        using var alice = platform.GatewayClient(DemoUsers.Alice);
        var opened = new List<Guid> { await OpenAsync(alice, platform, "before any fault") };

        foreach (var service in Platform.Services.Select(s => s.Name))
        {
            // kill -9 one instance; the other serves. Until the gateway's probes notice, a call may meet the dead one
            // and get a 503 with Retry-After, which the client honours (with the same Idempotency-Key).
            await platform.Processes[service].KillAsync();
            opened.Add(await OpenAsync(alice, platform, $"{service} instance killed"));
            opened.Add(await OpenAsync(alice, platform, $"{service} instance still down"));
            await platform.Processes[service].RestartAsync();
        }

        foreach (var id in opened)
        {
            await Eventually.GetAsync(async () =>
            {
                var request = await alice.GetFromJsonAsync<JsonElement>($"api/requests/{id}");
                return request.GetProperty("status").GetString() == "Routed" ? request.GetRawText() : null;
            }, platform.Logs, TimeSpan.FromSeconds(90));
        }
        // One notification per request for the account manager: no event was applied twice.
        var inbox = await Eventually.GetAsync(async () =>
        {
            var text = await alice.GetStringAsync("api/notifications?limit=100");
            return opened.All(id => text.Contains(id.ToString())) ? text : null;
        }, platform.Logs, TimeSpan.FromSeconds(90));
        var notified = JsonDocument.Parse(inbox).RootElement.GetProperty("items").EnumerateArray()
            .Where(n => n.TryGetProperty("requestId", out var r) && r.ValueKind == JsonValueKind.String && opened.Contains(r.GetGuid()))
            .GroupBy(n => (n.GetProperty("requestId").GetGuid(), n.GetProperty("kind").GetString())).ToList();
        Assert.All(notified, g => Assert.Single(g));
        Assert.Equal(opened.Count, notified.Select(g => g.Key.Item1).Distinct().Count());
    }

    static async Task<Guid> OpenAsync(HttpClient client, Platform platform, string title)
    {
        var key = Guid.NewGuid().ToString("N");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            using var post = new HttpRequestMessage(HttpMethod.Post, "api/requests")
            {
                Content = JsonContent.Create(new
                {
                    clientId = DemoClients.Acme, type = "billing", priority = "P3", title, description = "Opened on the production shape.",
                }),
            };
            post.Headers.Add("Idempotency-Key", key);
            var response = await client.SendAsync(post);
            if (response.StatusCode == HttpStatusCode.Created)
                return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable && DateTime.UtcNow < deadline,
                $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{platform.Logs()}");
            Assert.NotNull(response.Headers.RetryAfter);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }
}
