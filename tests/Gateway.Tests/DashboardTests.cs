using System.Net;
using ClientRequests.ServiceDefaults.Security;

namespace Gateway.Tests;

/// <summary>The dashboard costs one call to the requests service and one to the clients service, whatever it shows.</summary>
public sealed class DashboardTests
{
    const string RequestDirectory = "clientrequests.requests.v1.RequestDirectory";
    const string ClientDirectory = "clientrequests.clients.v1.ClientDirectory";

    public const string FullQuery = """
        query($days: Int) { dashboard(days: $days) {
          days from asOf
          backlog { departmentCode departmentName open byStatus { status count } }
          slaByDepartment { key name closed closedWithinSla compliance breachedOpen atRiskOpen }
          slaByClient { key name closed closedWithinSla compliance breachedOpen atRiskOpen }
          cycleTime { fulfilled p50Hours p90Hours p99Hours sampled }
          requestsOverTime { day type count }
          requestsOverTimeTruncated
          clientHealth { id name health { score band } }
        } }
        """;

    [Fact]
    public async Task The_whole_dashboard_for_thirty_clients_costs_one_GetDashboard_and_one_GetClients()
    {
        var fake = FakeDirectories.With(clients: 30, requests: 100);
        for (var i = 0; i < fake.Clients.Count; i++) fake.Clients[i].HealthScore = 100 - i;
        await using var gateway = await GatewayApp.StartAsync(fake);
        using var frank = gateway.ClientFor(DemoUsers.Frank);

        var response = await frank.PostQueryAsync(FullQuery, new { days = 7 });

        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && !body.TryGetProperty("errors", out _), body.ToString());
        var dashboard = body.GetProperty("data").GetProperty("dashboard");
        Assert.Equal(7, dashboard.GetProperty("days").GetInt32());
        Assert.Equal(100, dashboard.GetProperty("backlog")[0].GetProperty("open").GetInt32());
        Assert.Equal(0.75, dashboard.GetProperty("slaByDepartment")[0].GetProperty("compliance").GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, dashboard.GetProperty("slaByClient")[0].GetProperty("compliance").ValueKind);
        Assert.Equal(1.5, dashboard.GetProperty("cycleTime").GetProperty("p50Hours").GetDouble());
        var health = dashboard.GetProperty("clientHealth");
        Assert.Equal(30, health.GetArrayLength());
        // Worst first.
        Assert.Equal(71, health[0].GetProperty("health").GetProperty("score").GetInt32());
        Assert.Equal(100, health[29].GetProperty("health").GetProperty("score").GetInt32());

        Assert.Equal(1, gateway.Directories.Calls($"{RequestDirectory}/GetDashboard"));
        Assert.Equal(1, gateway.Directories.CallsTo(RequestDirectory));
        Assert.Equal(1, gateway.Directories.Calls($"{ClientDirectory}/GetClients"));
        Assert.Equal(1, gateway.Directories.CallsTo(ClientDirectory));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(91)]
    public async Task A_window_outside_1_to_90_days_is_a_bad_request_that_calls_no_service(int days)
    {
        await using var gateway = await GatewayApp.StartAsync();
        using var frank = gateway.ClientFor(DemoUsers.Frank);

        var body = await (await frank.PostQueryAsync("query($days: Int) { dashboard(days: $days) { days } }", new { days })).JsonAsync();

        Assert.Equal("BAD_REQUEST", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("'days'", body.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(0, gateway.Directories.CallsTo(RequestDirectory));
    }

    [Fact]
    public async Task The_full_dashboard_fits_the_complexity_limit_but_aliased_copies_of_it_do_not()
    {
        await using var gateway = await GatewayApp.StartAsync();
        using var frank = gateway.ClientFor(DemoUsers.Frank);
        Assert.Equal(HttpStatusCode.OK, (await frank.PostQueryAsync(FullQuery)).StatusCode);
        var calls = gateway.Directories.CallsTo(RequestDirectory);

        var body = FullQuery[(FullQuery.IndexOf("dashboard(days: $days)", StringComparison.Ordinal) + "dashboard(days: $days)".Length)..FullQuery.LastIndexOf('}')];
        var aliased = "{ " + string.Join(" ", Enumerable.Range(0, 6).Select(i => $"d{i}: dashboard {body}")) + " }";
        var many = await frank.PostQueryAsync(aliased);

        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        Assert.Contains("complexity", await many.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(calls, gateway.Directories.CallsTo(RequestDirectory));
    }
}
