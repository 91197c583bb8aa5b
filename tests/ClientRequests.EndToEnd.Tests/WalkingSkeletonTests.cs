using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.EndToEnd.Tests;

/// <summary>A request opened through the gateway reaches the department's queue and notifies the account manager.</summary>
public sealed class WalkingSkeletonTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_request_opened_through_the_gateway_reaches_the_departments_queue_and_notifies_the_account_manager()
    {
        var platform = fixture.Platform;
        using var alice = platform.GatewayClient(DemoUsers.Alice);
        using var carol = platform.GatewayClient(DemoUsers.Carol);

        var response = await alice.PostAsJsonAsync("api/requests", new
        {
            clientId = DemoClients.Acme,
            type = "billing",
            priority = "P2",
            title = "Invoice 2026-114 charged twice",
            description = "Acme was charged twice for November; they ask for a refund.",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync() + platform.Logs());
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var requestId = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/requests/{requestId}", response.Headers.Location?.ToString());
        Assert.Equal("billing", Assert.Single(created.GetProperty("workItems").EnumerateArray()).GetProperty("departmentCode").GetString());

        var queued = await Eventually.GetAsync(async () =>
        {
            var page = await carol.GetFromJsonAsync<JsonElement>("api/departments/billing/queue");
            return page.GetProperty("items").EnumerateArray()
                .Where(i => i.GetProperty("requestId").GetGuid() == requestId)
                .Select(i => (JsonElement?)i).FirstOrDefault() is { } item ? new Box<JsonElement>(item) : null;
        }, platform.Logs);
        Assert.Equal("Queued", queued.Value.GetProperty("status").GetString());
        Assert.Equal("Invoice 2026-114 charged twice", queued.Value.GetProperty("title").GetString());

        var routed = await Eventually.GetAsync(async () =>
        {
            var request = await alice.GetFromJsonAsync<JsonElement>($"api/requests/{requestId}");
            return request.GetProperty("status").GetString() == "Routed" ? new Box<JsonElement>(request) : null;
        }, platform.Logs);
        Assert.Equal("Queued", routed.Value.GetProperty("workItems")[0].GetProperty("status").GetString());

        var notification = await Eventually.GetAsync(async () =>
        {
            var inbox = await alice.GetStringAsync("api/notifications");
            return inbox.Contains(requestId.ToString()) ? inbox : null;
        }, platform.Logs);
        Assert.Contains("Invoice 2026-114 charged twice", notification);
    }

    [Fact]
    public async Task A_contract_change_fans_out_to_legal_and_billing()
    {
        var platform = fixture.Platform;
        using var bob = platform.GatewayClient(DemoUsers.Bob);
        using var erin = platform.GatewayClient(DemoUsers.Erin);
        using var carol = platform.GatewayClient(DemoUsers.Carol);

        var response = await bob.PostAsJsonAsync("api/requests", new
        {
            clientId = DemoClients.Globex,
            type = "contract-change",
            priority = "P3",
            title = "Extend the support contract to 2028",
            description = "Globex wants two more years at the current rate.",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync() + platform.Logs());
        var requestId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        foreach (var (agent, department) in new[] { (erin, "legal"), (carol, "billing") })
        {
            await Eventually.GetAsync(async () =>
            {
                var page = await agent.GetStringAsync($"api/departments/{department}/queue");
                return page.Contains(requestId.ToString()) ? page : null;
            }, platform.Logs);
        }
    }

    sealed record Box<T>(T Value);
}
