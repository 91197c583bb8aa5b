using System.Net;
using ClientRequests.ServiceDefaults.Security;

namespace Gateway.Tests;

/// <summary>GraphQL slaPolicy and updateSlaPolicy: read and written through the requests service's REST API, its refusals passed on.</summary>
public sealed class SlaPolicyTests
{
    const string Fields = "version changedBy atRiskFraction calendar { timeZone days open close holidays } " +
        "targets { type priority firstResponse resolution } ola { priority resolution } departments { code calendar { timeZone } resolution priorities { priority resolution } }";

    static object Input(int version, string timeZone = "Europe/Paris") => new
    {
        input = new
        {
            version, atRiskFraction = 0.75,
            calendar = new { timeZone, days = new[] { "Monday", "Tuesday" }, open = "08:00", close = "16:00", holidays = new[] { "2026-12-25" } },
            targets = new[] { new { type = "*", priority = "P1", firstResponse = "00:30:00", resolution = "06:00:00" } },
            ola = new[] { new { priority = "P1", resolution = "03:00:00" } },
            departments = new[] { new { code = "billing", resolution = "05:00:00" } },
        },
    };

    const string Update = "mutation($input: SlaPolicyInput!) { updateSlaPolicy(input: $input) { " + Fields + " } }";

    [Fact]
    public async Task The_policy_is_read_and_replaced_through_graphql_and_the_new_version_comes_back()
    {
        await using var gateway = await GatewayApp.StartAsync();
        using var grace = gateway.ClientFor(DemoUsers.Grace);

        var read = (await (await grace.PostQueryAsync("{ slaPolicy { " + Fields + " } }")).JsonAsync()).GetProperty("data").GetProperty("slaPolicy");
        Assert.Equal((1, "configuration", "UTC"), (read.GetProperty("version").GetInt32(), read.GetProperty("changedBy").GetString(),
            read.GetProperty("calendar").GetProperty("timeZone").GetString()));
        Assert.Equal("02:00:00", read.GetProperty("departments")[0].GetProperty("priorities")[0].GetProperty("resolution").GetString());

        var response = await grace.PostQueryAsync(Update, Input(version: 1));
        var updated = (await response.JsonAsync()).GetProperty("data").GetProperty("updateSlaPolicy");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((2, "grace", 0.75, "Europe/Paris", "2026-12-25"), (updated.GetProperty("version").GetInt32(), updated.GetProperty("changedBy").GetString(),
            updated.GetProperty("atRiskFraction").GetDouble(), updated.GetProperty("calendar").GetProperty("timeZone").GetString(),
            updated.GetProperty("calendar").GetProperty("holidays")[0].GetString()));
        var billing = updated.GetProperty("departments")[0];
        Assert.Equal(("05:00:00", 0), (billing.GetProperty("resolution").GetString(), billing.GetProperty("priorities").GetArrayLength()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, billing.GetProperty("calendar").ValueKind);
        Assert.Contains(gateway.Backend.Received, r => r.Path == "/api/sla/policy" && r.Headers.Authorization.ToString().StartsWith("Bearer "));
    }

    [Fact]
    public async Task A_stale_version_is_a_conflict_and_a_refused_value_a_bad_request_naming_its_field()
    {
        await using var gateway = await GatewayApp.StartAsync();
        using var grace = gateway.ClientFor(DemoUsers.Grace);

        var stale = (await (await grace.PostQueryAsync(Update, Input(version: 7))).JsonAsync()).GetProperty("errors")[0];
        Assert.Equal("CONFLICT", stale.GetProperty("extensions").GetProperty("code").GetString());

        var bad = (await (await grace.PostQueryAsync(Update, Input(version: 1, timeZone: "Mars/Olympus_Mons"))).JsonAsync()).GetProperty("errors")[0];
        Assert.Equal("BAD_REQUEST", bad.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("'calendar.timeZone'", bad.GetProperty("message").GetString());
        Assert.Equal(1, (int)gateway.Backend.SlaPolicy["version"]!);
    }
}
