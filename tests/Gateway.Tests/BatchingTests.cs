using System.Net;
using ClientRequests.ServiceDefaults.Security;

namespace Gateway.Tests;

/// <summary>No N+1: a level of the query costs one call per service, however many rows it has.</summary>
public sealed class BatchingTests
{
    const string RequestDirectory = "clientrequests.requests.v1.RequestDirectory";
    const string ClientDirectory = "clientrequests.clients.v1.ClientDirectory";

    [Fact]
    public async Task A_hundred_requests_with_their_clients_and_work_items_cost_one_call_per_service_per_level()
    {
        await using var gateway = await GatewayApp.StartAsync(FakeDirectories.With(clients: 30, requests: 100));
        using var alice = gateway.ClientFor(DemoUsers.Alice);

        var response = await alice.PostQueryAsync("""
            { requests(first: 100) { nodes { id sla { atRisk } client { name health { band } } workItems { departmentCode } } } }
            """);

        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        var nodes = body.GetProperty("data").GetProperty("requests").GetProperty("nodes");
        Assert.Equal(100, nodes.GetArrayLength());
        Assert.All(nodes.EnumerateArray(), n =>
        {
            Assert.StartsWith("Client ", n.GetProperty("client").GetProperty("name").GetString());
            Assert.Equal("billing", n.GetProperty("workItems")[0].GetProperty("departmentCode").GetString());
        });
        // Depth 1: the list; depth 2: the clients of all rows in one call and their work items in one call.
        Assert.Equal(1, gateway.Directories.Calls($"{RequestDirectory}/ListRequests"));
        Assert.Equal(1, gateway.Directories.Calls($"{RequestDirectory}/GetRequests"));
        Assert.Equal(1, gateway.Directories.CallsTo(ClientDirectory));
    }

    [Fact]
    public async Task The_same_client_asked_for_in_two_places_is_fetched_once()
    {
        var fake = FakeDirectories.With(clients: 2, requests: 4);
        await using var gateway = await GatewayApp.StartAsync(fake);
        using var alice = gateway.ClientFor(DemoUsers.Alice);
        var ids = string.Join(",", fake.Clients.Select(c => $"\"{c.Id}\""));

        var response = await alice.PostQueryAsync($$"""{ clients(ids: [{{ids}}]) { name accountTeam { accountManagerId } } requests { nodes { client { name } } } }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var clients = (await response.JsonAsync()).GetProperty("data").GetProperty("clients");
        Assert.Equal(2, clients.GetArrayLength());
        Assert.Equal("alice", clients[0].GetProperty("accountTeam").GetProperty("accountManagerId").GetString());
        Assert.Equal(1, gateway.Directories.Calls($"{ClientDirectory}/GetClients"));
        Assert.Equal(1, gateway.Directories.Calls($"{ClientDirectory}/CheckAccess"));
    }

    [Fact]
    public async Task Clients_listed_at_the_root_are_only_those_the_clients_service_lets_the_caller_read()
    {
        var fake = FakeDirectories.With(clients: 2, requests: 1);
        fake.Foreign.Add(fake.Clients[1].Id);
        await using var gateway = await GatewayApp.StartAsync(fake);
        using var alice = gateway.ClientFor(DemoUsers.Alice);

        var response = await alice.PostQueryAsync($$"""{ clients(ids: ["{{fake.Clients[0].Id}}", "{{fake.Clients[1].Id}}"]) { id } }""");

        var clients = (await response.JsonAsync()).GetProperty("data").GetProperty("clients");
        Assert.Equal(fake.Clients[0].Id, Assert.Single(clients.EnumerateArray()).GetProperty("id").GetString());
    }
}
