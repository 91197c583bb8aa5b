using System.Net;
using System.Text.Json;
using ClientRequests.Clients.Grpc;
using ClientRequests.ServiceDefaults.Security;

namespace Gateway.Tests;

/// <summary>The client 360 (ADR 0035): one client whole, at a constant number of calls, with the visibility of everywhere else.</summary>
public sealed class Client360Tests
{
    const string ClientDirectory = "clientrequests.clients.v1.ClientDirectory";
    const string RequestDirectory = "clientrequests.requests.v1.RequestDirectory";

    public const string Query = """
        query($id: ID!) { client(id: $id) { id name tier status
          health { score band reasons { code text points } requests complaints complaintsLast30Days complaintShare medianHoursToFulfil
                   fulfilled slaBreaches slaAtRisk satisfactionRatings averageSatisfaction satisfactionLast30Days satisfactionPrevious30Days
                   satisfactionTrend requestsByMonth { month type count } }
          accountTeam { accountManagerId manager { id name } executives { id name } }
          contacts { id name role email phone }
          openRequestCount
          openRequests { id title status priority submittedAt sla { state resolutionDueAt atRiskAt atRisk breached } }
          recentEvents { requestId requestTitle event { id at kind actorId departmentCode status text } }
          satisfaction { month ratings average } } }
        """;

    static FakeDirectories WithHealth()
    {
        var fake = FakeDirectories.With(clients: 3, requests: 6);
        var client = fake.Clients[0];
        client.HealthScore = 62;
        client.HealthBand = "watch";
        client.HealthReasons.Add(new HealthReason { Code = "complaints", Text = "2 complaints in 90 days, 2 in the last 30", Points = -31.5 });
        client.HealthReasons.Add(new HealthReason { Code = "ratings", Text = "1 rating", Points = -6.5 });
        client.Requests = 4;
        client.Complaints = 2;
        client.ComplaintShare = 0.5;
        client.MedianHoursToFulfil = 5.5;
        client.SatisfactionTrend = -1.5;
        client.RequestsByMonth.Add(new MonthlyRequests { Month = "2026-11", Type = "complaint", Count = 2 });
        return fake;
    }

    [Fact]
    public async Task A_manager_sees_the_client_whole_at_one_call_per_service_method()
    {
        var fake = WithHealth();
        await using var gateway = await GatewayApp.StartAsync(fake);
        using var alice = gateway.ClientFor(DemoUsers.Alice);

        var client = await ClientAsync(alice, fake.Clients[0].Id);

        var health = client.GetProperty("health");
        Assert.Equal((62, "watch"), (health.GetProperty("score").GetInt32(), health.GetProperty("band").GetString()));
        Assert.Equal(["complaints", "ratings"], health.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        Assert.Equal(-31.5, health.GetProperty("reasons")[0].GetProperty("points").GetDouble());
        Assert.Equal((2, 0.5, 5.5, -1.5), (health.GetProperty("complaints").GetInt32(), health.GetProperty("complaintShare").GetDouble(),
            health.GetProperty("medianHoursToFulfil").GetDouble(), health.GetProperty("satisfactionTrend").GetDouble()));
        Assert.Equal(JsonValueKind.Null, health.GetProperty("averageSatisfaction").ValueKind);
        Assert.Equal("complaint", health.GetProperty("requestsByMonth")[0].GetProperty("type").GetString());

        var team = client.GetProperty("accountTeam");
        Assert.Equal(("alice", "Alice Martin"), (team.GetProperty("manager").GetProperty("id").GetString(), team.GetProperty("manager").GetProperty("name").GetString()));
        Assert.Equal("Bob Evans", Assert.Single(team.GetProperty("executives").EnumerateArray()).GetProperty("name").GetString());
        Assert.Equal("wile@acme.example", Assert.Single(client.GetProperty("contacts").EnumerateArray()).GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, client.GetProperty("contacts")[0].GetProperty("phone").ValueKind);

        Assert.Equal(2, client.GetProperty("openRequestCount").GetInt32());
        var open = client.GetProperty("openRequests");
        Assert.Equal(2, open.GetArrayLength());
        Assert.Equal("at-risk", open[0].GetProperty("sla").GetProperty("state").GetString());
        var events = client.GetProperty("recentEvents");
        Assert.Equal(("comment", "Called them."), (events[0].GetProperty("event").GetProperty("kind").GetString(), events[0].GetProperty("event").GetProperty("text").GetString()));
        Assert.StartsWith("Request ", events[0].GetProperty("requestTitle").GetString());
        var months = client.GetProperty("satisfaction");
        Assert.Equal(12, months.GetArrayLength());
        Assert.Equal((2, 4.5), (months[11].GetProperty("ratings").GetInt32(), months[11].GetProperty("average").GetDouble()));
        Assert.Equal(JsonValueKind.Null, months[0].GetProperty("average").ValueKind);

        // Access once, the record once, then contacts and the three request parts in one call each, the names in one.
        foreach (var method in new[] { $"{ClientDirectory}/CheckAccess", $"{ClientDirectory}/GetClients", $"{ClientDirectory}/GetContacts",
                     $"{ClientDirectory}/GetPeople", $"{RequestDirectory}/GetClientActivity" })
            Assert.True(gateway.Directories.Calls(method) == 1, $"{method}: {gateway.Directories.Calls(method)} calls");
    }

    [Fact]
    public async Task Another_teams_client_and_department_staff_get_null_and_nothing_is_fetched_for_them()
    {
        var fake = WithHealth();
        fake.Foreign.Add(fake.Clients[0].Id);
        await using var gateway = await GatewayApp.StartAsync(fake);

        foreach (var user in new[] { DemoUsers.Mallory, DemoUsers.Carol, DemoUsers.Dave })
        {
            using var http = gateway.ClientFor(user);
            var response = await http.PostQueryAsync(Query, new { id = fake.Clients[0].Id });
            var body = await response.JsonAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK && !body.TryGetProperty("errors", out _), body.ToString());
            Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("client").ValueKind);
        }
        Assert.Equal(0, gateway.Directories.Calls($"{ClientDirectory}/GetClients"));
        Assert.Equal(0, gateway.Directories.Calls($"{ClientDirectory}/GetContacts"));
        Assert.Equal(0, gateway.Directories.Calls($"{RequestDirectory}/GetClientActivity"));

        using var alice = gateway.ClientFor(DemoUsers.Alice);
        var unknown = await (await alice.PostQueryAsync(Query, new { id = Guid.NewGuid().ToString() })).JsonAsync();
        Assert.Equal(JsonValueKind.Null, unknown.GetProperty("data").GetProperty("client").ValueKind);
    }

    [Fact]
    public async Task A_person_whose_name_is_not_known_is_shown_by_id()
    {
        var fake = WithHealth();
        fake.People.Remove("bob");
        await using var gateway = await GatewayApp.StartAsync(fake);
        using var alice = gateway.ClientFor(DemoUsers.Alice);

        var executive = Assert.Single((await ClientAsync(alice, fake.Clients[0].Id)).GetProperty("accountTeam").GetProperty("executives").EnumerateArray());

        Assert.Equal(("bob", JsonValueKind.Null), (executive.GetProperty("id").GetString(), executive.GetProperty("name").ValueKind));
    }

    [Fact]
    public async Task The_whole_360_fits_the_complexity_bound_but_a_hundred_of_them_do_not()
    {
        var fake = FakeDirectories.With(clients: 3, requests: 3);
        // The bound at 1 makes the analyser tell the query's complexity.
        await using (var measuring = await GatewayApp.StartAsync(fake, new Dictionary<string, string> { ["Gateway:GraphQL:MaxComplexity"] = "1" }))
        {
            using var http = measuring.ClientFor(DemoUsers.Alice);
            var message = (await (await http.PostQueryAsync(Query, new { id = fake.Clients[0].Id })).JsonAsync()).GetProperty("errors")[0].GetProperty("message").GetString()!;
            var complexity = int.Parse(System.Text.RegularExpressions.Regex.Match(message, @"Complexity is (\d+)").Groups[1].Value);
            Assert.InRange(complexity, 1, 1500);
        }
        await using var gateway = await GatewayApp.StartAsync(fake);
        using var alice = gateway.ClientFor(DemoUsers.Alice);
        await ClientAsync(alice, fake.Clients[0].Id);
        var calls = gateway.Directories.Calls($"{RequestDirectory}/GetClientActivity");

        var ids = string.Join(",", fake.Clients.Select(c => $"\"{c.Id}\""));
        var response = await alice.PostQueryAsync($$"""
            { clients(ids: [{{ids}}]) { openRequests { id title status sla { state } } recentEvents { requestTitle event { at kind text } } } }
            """);

        var body = await response.JsonAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("complexity", body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(calls, gateway.Directories.Calls($"{RequestDirectory}/GetClientActivity"));
    }

    [Fact]
    public async Task My_clients_page_past_a_hundred_by_cursor()
    {
        var fake = FakeDirectories.With(clients: 130, requests: 1);
        await using var gateway = await GatewayApp.StartAsync(fake);
        gateway.Backend.ClientIds.AddRange(fake.Clients.Select(c => c.Id));
        using var alice = gateway.ClientFor(DemoUsers.Alice);
        const string page = """
            query($after: String) { myClients(first: 100, after: $after) { nodes { id name health { score band } } pageInfo { hasNextPage endCursor } } }
            """;

        var first = (await DataAsync(alice, page, new { after = (string?)null })).GetProperty("myClients");
        Assert.Equal(100, first.GetProperty("nodes").GetArrayLength());
        Assert.True(first.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        var second = (await DataAsync(alice, page, new { after = first.GetProperty("pageInfo").GetProperty("endCursor").GetString() })).GetProperty("myClients");

        Assert.Equal(30, second.GetProperty("nodes").GetArrayLength());
        Assert.False(second.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("pageInfo").GetProperty("endCursor").ValueKind);
        var all = first.GetProperty("nodes").EnumerateArray().Concat(second.GetProperty("nodes").EnumerateArray()).Select(n => n.GetProperty("id").GetString());
        Assert.Equal(fake.Clients.Select(c => c.Id), all);
        // One page of the book, then its clients in one call.
        Assert.Equal(2, gateway.Directories.Calls($"{ClientDirectory}/GetClients"));

        var tooBig = await alice.PostQueryAsync("{ myClients(first: 201) { nodes { id } } }");
        Assert.Contains("'first'", (await tooBig.JsonAsync()).GetProperty("errors")[0].GetProperty("message").GetString());
    }

    static async Task<JsonElement> ClientAsync(HttpClient http, string id) =>
        (await DataAsync(http, Query, new { id })).GetProperty("client");

    static async Task<JsonElement> DataAsync(HttpClient http, string query, object variables)
    {
        var response = await http.PostQueryAsync(query, variables);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && !body.TryGetProperty("errors", out _), body.ToString());
        return body.GetProperty("data");
    }
}
