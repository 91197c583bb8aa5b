using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.EndToEnd.Tests;

/// <summary>
/// One owner for clocks, seen from outside: a P1 opened through the gateway has its resolution target on the request and
/// on every work item, the same instant in REST, in GraphQL and in the department's own queue (ADR 0027).
/// </summary>
public sealed class SlaClockTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_P1_has_its_due_instants_on_the_request_and_each_work_item_alike_in_REST_GraphQL_and_the_departments_queue()
    {
        var platform = fixture.Platform;
        using var alice = platform.GatewayClient(DemoUsers.Alice);
        using var erin = platform.GatewayClient(DemoUsers.Erin);
        using var carol = platform.GatewayClient(DemoUsers.Carol);

        // Routed to legal and billing by the demo rules, with the shipped configuration: each department has an OLA.
        var response = await alice.PostAsJsonAsync("api/requests", new
        {
            clientId = DemoClients.Acme, type = "contract-change", priority = "P1",
            title = "Stop the duplicate direct debit", description = "Acme is being debited twice a month.",
            wantedBy = DateTimeOffset.UtcNow.AddDays(2),
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync() + platform.Logs());
        var opened = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = opened.GetProperty("id").GetGuid();
        Assert.Equal(JsonValueKind.String, opened.GetProperty("wantedBy").ValueKind);

        var rest = await alice.GetFromJsonAsync<JsonElement>($"api/requests/{id}");
        var sla = rest.GetProperty("sla");
        Assert.Equal("on-track", sla.GetProperty("state").GetString());
        var resolutionDueAt = sla.GetProperty("resolutionDueAt").GetDateTimeOffset();
        Assert.True(sla.GetProperty("firstResponseDueAt").GetDateTimeOffset() < resolutionDueAt);
        Assert.True(sla.GetProperty("atRiskAt").GetDateTimeOffset() < resolutionDueAt);
        Assert.True(resolutionDueAt > DateTimeOffset.UtcNow);

        var items = rest.GetProperty("workItems").EnumerateArray().ToDictionary(
            w => w.GetProperty("departmentCode").GetString()!, w => (Id: w.GetProperty("id").GetGuid(), DueAt: w.GetProperty("sla").GetProperty("resolutionDueAt").GetDateTimeOffset()));
        Assert.Equal(["billing", "legal"], items.Keys.Order());

        var graphql = await alice.PostAsJsonAsync("graphql", new
        {
            query = "query($id: ID!) { request(id: $id) { wantedBy sla { state resolutionDueAt firstResponseDueAt } workItems { id departmentCode sla { state resolutionDueAt } } } }",
            variables = new { id },
        });
        var body = await graphql.Content.ReadAsStringAsync();
        Assert.True(graphql.StatusCode == HttpStatusCode.OK && !body.Contains("\"errors\""), body);
        var request = JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("request");
        Assert.Equal(resolutionDueAt, request.GetProperty("sla").GetProperty("resolutionDueAt").GetDateTimeOffset());
        Assert.Equal(sla.GetProperty("firstResponseDueAt").GetDateTimeOffset(), request.GetProperty("sla").GetProperty("firstResponseDueAt").GetDateTimeOffset());
        foreach (var item in request.GetProperty("workItems").EnumerateArray())
            Assert.Equal(items[item.GetProperty("departmentCode").GetString()!].DueAt, item.GetProperty("sla").GetProperty("resolutionDueAt").GetDateTimeOffset());

        // The departments service sorts and flags on exactly what it was sent.
        foreach (var (agent, department) in new[] { (erin, "legal"), (carol, "billing") })
        {
            var queued = await Eventually.GetAsync(async () =>
            {
                var page = await agent.GetFromJsonAsync<JsonElement>($"api/departments/{department}/queue?sort=sla&limit=200");
                return page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("id").GetGuid() == items[department].Id)
                    .Select(i => i.GetProperty("dueAt").GetString()).FirstOrDefault();
            }, () => $"No queued item for {id} in {department}." + platform.Logs());
            Assert.Equal(items[department].DueAt, DateTimeOffset.Parse(queued!));
        }
    }
}
