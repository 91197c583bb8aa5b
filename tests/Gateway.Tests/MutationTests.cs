using System.Net;
using ClientRequests.ServiceDefaults.Security;

namespace Gateway.Tests;

public sealed class MutationTests
{
    [Fact]
    public async Task Each_mutation_reads_back_the_request_as_it_is_after_its_own_change()
    {
        var fake = FakeDirectories.With(clients: 1, requests: 1);
        var request = fake.Requests[0];
        await using var gateway = await GatewayApp.StartAsync(fake);
        gateway.Backend.OnRequestAction = (id, action) =>
        {
            if (id == request.Id && action == "cancel") request.Status = "Cancelled";
        };
        using var alice = gateway.ClientFor(DemoUsers.Alice);

        var response = await alice.PostQueryAsync($$"""
            mutation {
              commented: addComment(requestId: "{{request.Id}}", text: "On it.") { status }
              cancelled: changeRequestStatus(id: "{{request.Id}}", action: CANCEL, reason: "Solved by phone.") { status }
            }
            """);

        var data = (await response.JsonAsync()).GetProperty("data");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Routed", data.GetProperty("commented").GetProperty("status").GetString());
        Assert.Equal("Cancelled", data.GetProperty("cancelled").GetProperty("status").GetString());
        Assert.Contains(gateway.Backend.Received, r => r.Path == $"/api/requests/{request.Id}/comments");
    }
}
