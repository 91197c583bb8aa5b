using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.EndToEnd.Tests;

/// <summary>The whole loop: opened by the account team, worked by every department it reached, fulfilled.</summary>
public sealed class FulfilmentTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_request_is_fulfilled_once_every_department_completes_its_work_item_including_a_hand_over()
    {
        var platform = fixture.Platform;
        using var alice = platform.GatewayClient(DemoUsers.Alice);
        using var erin = platform.GatewayClient(DemoUsers.Erin);
        using var carol = platform.GatewayClient(DemoUsers.Carol);
        using var sam = platform.GatewayClient(DemoUsers.Sam);

        var opened = await alice.PostAsJsonAsync("api/requests", new
        {
            clientId = DemoClients.Acme,
            type = "contract-change",
            priority = "P2",
            title = "Move Acme to annual invoicing",
            description = "Contract amendment and a new billing schedule.",
        });
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync() + platform.Logs());
        var requestId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var legalItem = await QueuedItemAsync(erin, "legal", requestId);
        await StepAsync(erin, "legal", legalItem, "claim");
        await StepAsync(erin, "legal", legalItem, "start");
        await StepAsync(erin, "legal", legalItem, "complete", new { resolutionNote = "Amendment signed." });

        // Billing passes its part to support, which completes it: the hand-over adds a work item to the request.
        var billingItem = await QueuedItemAsync(carol, "billing", requestId);
        await StepAsync(carol, "billing", billingItem, "claim");
        await StepAsync(carol, "billing", billingItem, "hand-over", new { toDepartmentCode = "support" });
        var supportItem = await QueuedItemAsync(sam, "support", requestId);
        await StepAsync(sam, "support", supportItem, "claim");
        await StepAsync(sam, "support", supportItem, "complete", new { resolutionNote = "Schedule changed." });

        var fulfilled = await Eventually.GetAsync(async () =>
        {
            var request = await alice.GetFromJsonAsync<JsonElement>($"api/requests/{requestId}");
            return request.GetProperty("status").GetString() == "Fulfilled" ? request.ToString() : null;
        }, platform.Logs, TimeSpan.FromSeconds(45));

        var request = JsonDocument.Parse(fulfilled).RootElement;
        var statuses = request.GetProperty("workItems").EnumerateArray()
            .ToDictionary(w => w.GetProperty("departmentCode").GetString()!, w => w.GetProperty("status").GetString());
        Assert.Equal("Completed", statuses["legal"]);
        Assert.Equal("HandedOver", statuses["billing"]);
        Assert.Equal("Completed", statuses["support"]);
    }

    static async Task<Guid> QueuedItemAsync(HttpClient agent, string department, Guid requestId)
    {
        var found = await Eventually.GetAsync(async () =>
        {
            var page = await agent.GetFromJsonAsync<JsonElement>($"api/departments/{department}/queue?status=Queued");
            return page.GetProperty("items").EnumerateArray()
                .Where(i => i.GetProperty("requestId").GetGuid() == requestId)
                .Select(i => i.GetProperty("id").GetGuid().ToString()).FirstOrDefault();
        }, () => $"No queued item for {requestId} in {department}.");
        return Guid.Parse(found);
    }

    static async Task StepAsync(HttpClient agent, string department, Guid itemId, string step, object? body = null)
    {
        var response = await agent.PostAsJsonAsync($"api/departments/{department}/queue/{itemId}/{step}", body ?? new { });
        Assert.True(response.IsSuccessStatusCode, $"{step} in {department}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
