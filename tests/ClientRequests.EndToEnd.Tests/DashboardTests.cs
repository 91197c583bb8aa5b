using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;

namespace ClientRequests.EndToEnd.Tests;

/// <summary>
/// A platform of its own, so that the dashboard's figures can be checked exactly: no other test opens requests on it.
/// Clocks run around the week; a P1 complaint's resolution target and legal's OLA are two seconds, so they breach at once.
/// </summary>
public sealed class DashboardPlatform : IAsyncLifetime
{
    public Platform Platform { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string>
        {
            ["Sla__Interval"] = "00:00:00.300",
            ["Sla__Calendar__Open"] = "00:00:00",
            ["Sla__Calendar__Close"] = "23:59:59.9999999",
            ["Sla__Policies__0__Type"] = "complaint",
            ["Sla__Policies__0__Priority"] = "P1",
            ["Sla__Policies__0__FirstResponse"] = "00:00:01",
            ["Sla__Policies__0__Resolution"] = "00:00:02",
            ["Sla__Departments__legal__Priorities__P3"] = "00:00:02",
            // The gateway's outgoing calls are counted from its HttpClient log (as tests/Gateway.Benchmarks does).
            ["Logging__LogLevel__System.Net.Http.HttpClient"] = "Information",
        };
        for (var d = 0; d < 7; d++) settings[$"Sla__Calendar__Days__{d}"] = ((DayOfWeek)d).ToString();
        Platform = await Platform.StartAsync(settings: settings);
    }

    public async ValueTask DisposeAsync() => await Platform.DisposeAsync();
}

/// <summary>The dashboard through the real gateway over the real services: the requests service's figures, the clients service's health.</summary>
public sealed partial class DashboardTests(DashboardPlatform fixture) : IClassFixture<DashboardPlatform>
{
    const string Query = """
        { dashboard(days: 7) {
          backlog { departmentCode open byStatus { status count } }
          slaByDepartment { key closed closedWithinSla compliance breachedOpen atRiskOpen }
          slaByClient { key name closed closedWithinSla compliance breachedOpen atRiskOpen }
          cycleTime { fulfilled p50Hours p90Hours p99Hours sampled }
          requestsOverTime { day type count }
          clientHealth { id name health { score band } }
        } }
        """;

    Platform Platform => fixture.Platform;

    [Fact]
    public async Task The_dashboard_counts_exactly_what_the_account_team_opened_and_the_departments_did_and_another_team_sees_none_of_it()
    {
        using var alice = Platform.GatewayClient(DemoUsers.Alice);
        using var mallory = Platform.GatewayClient(DemoUsers.Mallory);
        using var carol = Platform.GatewayClient(DemoUsers.Carol);
        using var sam = Platform.GatewayClient(DemoUsers.Sam);

        // Fulfilled within SLA: two billing questions, one per client.
        var acmeBilling = await OpenAsync(alice, DemoClients.Acme, "billing", "P3");
        var globexBilling = await OpenAsync(alice, DemoClients.Globex, "billing", "P3");
        // An Acme complaint fulfilled after its two-second target: closed, but not within SLA.
        var acmeComplaint = await OpenAsync(alice, DemoClients.Acme, "complaint", "P1");
        // Open: a contract change (billing claims its part; legal's part breaches its OLA) and a Globex complaint past its target.
        var acmeContract = await OpenAsync(alice, DemoClients.Acme, "contract-change", "P3");
        var globexComplaint = await OpenAsync(alice, DemoClients.Globex, "complaint", "P1");
        // Another team's request.
        var initechBilling = await OpenAsync(mallory, DemoClients.Initech, "billing", "P3");

        await WorkAsync(carol, "billing", acmeBilling, "claim", "complete");
        await WorkAsync(carol, "billing", globexBilling, "claim", "complete");
        await Eventually.GetAsync(async () => (await RequestAsync(alice, acmeComplaint)).GetProperty("breached").GetBoolean() ? "" : null, Platform.Logs);
        await WorkAsync(sam, "support", acmeComplaint, "claim", "complete");
        await WorkAsync(carol, "billing", acmeContract, "claim");
        await QueuedItemAsync(sam, "support", globexComplaint);
        await QueuedItemAsync(carol, "billing", initechBilling);

        // Wait until the requests service has heard every step and the monitor has flagged the breaches, then read once.
        var dashboard = await Eventually.GetAsync(async () =>
        {
            var d = await DashboardAsync(alice);
            return d.GetProperty("cycleTime").GetProperty("fulfilled").GetInt32() == 3
                && Row(d, "slaByDepartment", "legal") is { } legal && legal.GetProperty("breachedOpen").GetInt32() == 1
                && Row(d, "slaByClient", DemoClients.Globex.ToString()) is { } globex && globex.GetProperty("breachedOpen").GetInt32() == 1
                && Backlog(d).GetValueOrDefault("billing") == "Claimed:1" && Backlog(d).GetValueOrDefault("legal") == "Queued:1"
                && Backlog(d).GetValueOrDefault("support") == "Queued:1"
                ? d.ToString() : null;
        }, Platform.Logs, TimeSpan.FromSeconds(45));
        var figures = JsonDocument.Parse(dashboard).RootElement;

        Assert.Equal(new Dictionary<string, string> { ["billing"] = "Claimed:1", ["legal"] = "Queued:1", ["support"] = "Queued:1" }, Backlog(figures));
        Assert.Equal(["billing: 2/2 1.0 open 0 breached 0 at risk", "legal: 0/0 - open 1 breached 0 at risk", "support: 1/1 1.0 open 0 breached 0 at risk"],
            Sla(figures, "slaByDepartment"));
        Assert.Equal([$"{DemoClients.Acme}: 1/2 0.5 open 0 breached 0 at risk", $"{DemoClients.Globex}: 1/1 1.0 open 1 breached 0 at risk"],
            Sla(figures, "slaByClient"));
        Assert.Equal(["Acme Corporation", "Globex"], figures.GetProperty("slaByClient").EnumerateArray().Select(r => r.GetProperty("name").GetString()));

        // Nearest rank over three: p50 the middle one, p90 and p99 the longest.
        var hours = new List<double>();
        foreach (var id in new[] { acmeBilling, globexBilling, acmeComplaint })
        {
            var request = await RequestAsync(alice, id);
            hours.Add((request.GetProperty("closedAt").GetDateTimeOffset() - request.GetProperty("submittedAt").GetDateTimeOffset()).TotalHours);
        }
        hours.Sort();
        var cycle = figures.GetProperty("cycleTime");
        Assert.Equal(3, cycle.GetProperty("fulfilled").GetInt32());
        Assert.Equal(hours[1], cycle.GetProperty("p50Hours").GetDouble(), 9);
        Assert.Equal(hours[2], cycle.GetProperty("p90Hours").GetDouble(), 9);
        Assert.Equal(hours[2], cycle.GetProperty("p99Hours").GetDouble(), 9);
        Assert.False(cycle.GetProperty("sampled").GetBoolean());

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        Assert.Equal([$"{today} billing 2", $"{today} complaint 2", $"{today} contract-change 1"],
            figures.GetProperty("requestsOverTime").EnumerateArray().Select(d => $"{d.GetProperty("day")} {d.GetProperty("type")} {d.GetProperty("count")}"));

        // Client health is the clients service's, worst first.
        var clients = await GraphQLAsync(alice, $$"""{ clients(ids: ["{{DemoClients.Acme}}", "{{DemoClients.Globex}}"]) { id health { score band } } }""");
        var expectedHealth = clients.GetProperty("clients").EnumerateArray()
            .Select(c => (Id: c.GetProperty("id").GetString()!, Score: c.GetProperty("health").GetProperty("score").GetInt32(), Band: c.GetProperty("health").GetProperty("band").GetString()))
            .OrderBy(c => c.Score).ThenBy(c => c.Id == DemoClients.Acme.ToString() ? 0 : 1).Select(c => $"{c.Id} {c.Score} {c.Band}");
        Assert.Equal(expectedHealth, figures.GetProperty("clientHealth").EnumerateArray()
            .Select(c => $"{c.GetProperty("id").GetString()} {c.GetProperty("health").GetProperty("score").GetInt32()} {c.GetProperty("health").GetProperty("band").GetString()}"));

        // The whole dashboard cost one call to the requests service and one to the clients service.
        var logged = CallsLogged().Count;
        await DashboardAsync(alice);
        await Task.Delay(1_000); // the console logger writes from its own queue
        Assert.Equal(["clients/clientrequests.clients.v1.ClientDirectory/GetClients", "requests/clientrequests.requests.v1.RequestDirectory/GetDashboard"],
            CallsLogged().Skip(logged).Order(StringComparer.Ordinal));

        // Another team's account manager sees only her own client's request: nothing of Acme's or Globex's.
        var hers = await Eventually.GetAsync(async () =>
        {
            var d = await DashboardAsync(mallory);
            return Backlog(d).GetValueOrDefault("billing") == "Queued:1" ? d.ToString() : null;
        }, Platform.Logs);
        var malloryFigures = JsonDocument.Parse(hers).RootElement;
        Assert.Equal(new Dictionary<string, string> { ["billing"] = "Queued:1" }, Backlog(malloryFigures));
        Assert.Equal(["billing: 0/0 - open 0 breached 0 at risk"], Sla(malloryFigures, "slaByDepartment"));
        Assert.Equal([$"{DemoClients.Initech}: 0/0 - open 0 breached 0 at risk"], Sla(malloryFigures, "slaByClient"));
        Assert.Equal(0, malloryFigures.GetProperty("cycleTime").GetProperty("fulfilled").GetInt32());
        Assert.Equal(JsonValueKind.Null, malloryFigures.GetProperty("cycleTime").GetProperty("p50Hours").ValueKind);
        Assert.Equal([$"{today} billing 1"],
            malloryFigures.GetProperty("requestsOverTime").EnumerateArray().Select(d => $"{d.GetProperty("day")} {d.GetProperty("type")} {d.GetProperty("count")}"));
        Assert.Equal([DemoClients.Initech.ToString()], malloryFigures.GetProperty("clientHealth").EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.DoesNotContain(DemoClients.Acme.ToString(), hers);
        Assert.DoesNotContain(DemoClients.Globex.ToString(), hers);

        // A billing agent sees the requests billing works on, of every team, with their other departments' work; no complaint.
        var carols = await DashboardAsync(carol);
        Assert.Equal(new Dictionary<string, string> { ["billing"] = "Queued:1,Claimed:1", ["legal"] = "Queued:1" }, Backlog(carols));
        Assert.Equal(["billing: 2/2 1.0 open 0 breached 0 at risk", "legal: 0/0 - open 1 breached 0 at risk"], Sla(carols, "slaByDepartment"));
        Assert.Equal([$"{DemoClients.Acme}: 1/1 1.0 open 0 breached 0 at risk", $"{DemoClients.Globex}: 1/1 1.0 open 0 breached 0 at risk",
            $"{DemoClients.Initech}: 0/0 - open 0 breached 0 at risk"], Sla(carols, "slaByClient"));
        Assert.Equal(2, carols.GetProperty("cycleTime").GetProperty("fulfilled").GetInt32());
        Assert.Equal([$"{today} billing 3", $"{today} contract-change 1"],
            carols.GetProperty("requestsOverTime").EnumerateArray().Select(d => $"{d.GetProperty("day")} {d.GetProperty("type")} {d.GetProperty("count")}"));
    }

    [Fact]
    public async Task A_window_of_more_than_ninety_days_names_the_argument()
    {
        using var frank = Platform.GatewayClient(DemoUsers.Frank);
        var response = await frank.PostAsJsonAsync("graphql", new { query = "{ dashboard(days: 365) { days } }" });
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("BAD_REQUEST", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("'days'", body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    /// <summary>The gateway's outgoing calls so far, as "service/method".</summary>
    List<string> CallsLogged()
    {
        using var reader = new StreamReader(new FileStream(Platform.Processes["gateway"].LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return StartedCall().Matches(reader.ReadToEnd()).Select(m => m.Groups["target"].Value).ToList();
    }

    // "Start processing HTTP request POST http://_grpc.requests/clientrequests.requests.v1.RequestDirectory/GetDashboard"
    [GeneratedRegex(@"Start processing HTTP request \w+ https?://(?:_grpc\.)?(?<target>[^\s?]+)")]
    private static partial Regex StartedCall();

    static JsonElement? Row(JsonElement dashboard, string list, string key) =>
        dashboard.GetProperty(list).EnumerateArray().Where(r => r.GetProperty("key").GetString() == key).Select(r => (JsonElement?)r).FirstOrDefault();

    static Dictionary<string, string> Backlog(JsonElement dashboard) =>
        dashboard.GetProperty("backlog").EnumerateArray().ToDictionary(b => b.GetProperty("departmentCode").GetString()!,
            b => string.Join(",", b.GetProperty("byStatus").EnumerateArray().Select(s => $"{s.GetProperty("status").GetString()}:{s.GetProperty("count").GetInt32()}")));

    static IEnumerable<string> Sla(JsonElement dashboard, string list) =>
        dashboard.GetProperty(list).EnumerateArray().Select(r =>
            $"{r.GetProperty("key").GetString()}: {r.GetProperty("closedWithinSla").GetInt32()}/{r.GetProperty("closed").GetInt32()} "
            + $"{(r.GetProperty("compliance").ValueKind == JsonValueKind.Null ? "-" : r.GetProperty("compliance").GetDouble().ToString("0.0", System.Globalization.CultureInfo.InvariantCulture))} "
            + $"open {r.GetProperty("breachedOpen").GetInt32()} breached {r.GetProperty("atRiskOpen").GetInt32()} at risk")
        .Order(StringComparer.Ordinal);

    async Task<JsonElement> DashboardAsync(HttpClient http) => (await GraphQLAsync(http, Query)).GetProperty("dashboard");

    async Task<JsonElement> GraphQLAsync(HttpClient http, string query)
    {
        var response = await http.PostAsJsonAsync("graphql", new { query });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && !body.Contains("\"errors\""), $"{response.StatusCode}: {body}\n{Platform.Logs()}");
        return JsonDocument.Parse(body).RootElement.GetProperty("data");
    }

    static async Task<JsonElement> RequestAsync(HttpClient http, Guid id) => await http.GetFromJsonAsync<JsonElement>($"api/requests/{id}");

    async Task<Guid> OpenAsync(HttpClient http, Guid clientId, string type, string priority)
    {
        var opened = await http.PostAsJsonAsync("api/requests", new { clientId, type, priority, title = $"{type} {priority}", description = "For the dashboard." });
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync() + Platform.Logs());
        return (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    async Task WorkAsync(HttpClient agent, string department, Guid requestId, params string[] steps)
    {
        var item = await QueuedItemAsync(agent, department, requestId);
        foreach (var step in steps)
        {
            var body = step == "complete" ? (object)new { resolutionNote = "Done." } : new { };
            var response = await agent.PostAsJsonAsync($"api/departments/{department}/queue/{item}/{step}", body);
            Assert.True(response.IsSuccessStatusCode, $"{step} in {department}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    async Task<Guid> QueuedItemAsync(HttpClient agent, string department, Guid requestId)
    {
        var found = await Eventually.GetAsync(async () =>
        {
            var page = await agent.GetFromJsonAsync<JsonElement>($"api/departments/{department}/queue?status=Queued");
            return page.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("requestId").GetGuid() == requestId)
                .Select(i => i.GetProperty("id").GetGuid().ToString()).FirstOrDefault();
        }, () => $"No queued item for {requestId} in {department}.\n{Platform.Logs()}");
        return Guid.Parse(found);
    }
}
