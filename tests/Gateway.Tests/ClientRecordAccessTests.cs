using System.Net;
using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;

namespace Gateway.Tests;

/// <summary>Department staff see a request's client name, not the clients service's record of it (ADR 0030), as over REST.</summary>
public sealed class ClientRecordAccessTests
{
    const string Query = """
        query($id: ID!) { request(id: $id) { clientName client { name accountTeam { accountManagerId } health { score } } }
          dashboard(days: 7) { clientHealth { id } } }
        """;

    [Fact]
    public async Task An_agent_gets_the_client_name_but_no_client_record_and_no_client_health()
    {
        var fake = FakeDirectories.With(clients: 1, requests: 1);
        await using var gateway = await GatewayApp.StartAsync(fake);
        using var carol = gateway.ClientFor(DemoUsers.Carol);
        using var alice = gateway.ClientFor(DemoUsers.Alice);

        var agent = await DataAsync(carol, fake.Requests[0].Id);
        Assert.Equal("Client 0", agent.GetProperty("request").GetProperty("clientName").GetString());
        Assert.Equal(JsonValueKind.Null, agent.GetProperty("request").GetProperty("client").ValueKind);
        Assert.Equal(0, agent.GetProperty("dashboard").GetProperty("clientHealth").GetArrayLength());

        var manager = await DataAsync(alice, fake.Requests[0].Id);
        Assert.Equal("Client 0", manager.GetProperty("request").GetProperty("client").GetProperty("name").GetString());
        Assert.Equal(1, manager.GetProperty("dashboard").GetProperty("clientHealth").GetArrayLength());
    }

    static async Task<JsonElement> DataAsync(HttpClient http, string id)
    {
        var response = await http.PostQueryAsync(Query, new { id });
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && !body.TryGetProperty("errors", out _), body.ToString());
        return body.GetProperty("data");
    }
}
