using System.Net;
using ClientRequests.Gateway.Hardening;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;

namespace Gateway.Tests;

/// <summary>Several instances per service name: one down gets no traffic once noticed; none up is a 503 ProblemDetails.</summary>
public sealed class ReplicaRoutingTests
{
    /// <summary>A loopback address where nothing listens: an instance that has been killed.</summary>
    static string DeadInstance() => $"http://127.0.0.1:{FreePort.Next()}";

    [Fact]
    public async Task With_no_instance_up_the_gateway_answers_503_problem_details_with_Retry_After()
    {
        await using var gateway = await GatewayApp.StartAsync(settings: new Dictionary<string, string>
        {
            ["Services:clients:http:0"] = DeadInstance(),
            ["Services:clients:http:1"] = DeadInstance(),
        });
        using var alice = gateway.ClientFor(DemoUsers.Alice);

        var response = await alice.GetAsync("/api/clients/ping");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{ReplicaRouting.RetryAfterSeconds}", Assert.Single(response.Headers.GetValues("Retry-After")));
        var problem = await response.JsonAsync();
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.Contains("clients service", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_dead_instance_stops_getting_traffic_once_the_probes_see_it_while_the_other_serves()
    {
        await using var gateway = await GatewayApp.StartAsync(settings: new Dictionary<string, string>
        {
            ["Gateway:ReplicaHealthChecks"] = "true",
            ["Services:clients:http:1"] = DeadInstance(),
        });
        using var alice = gateway.ClientFor(DemoUsers.Alice);

        // Two probes three seconds apart take the dead instance out; until then some calls may meet it (503, not 502).
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var statuses = new List<HttpStatusCode>();
        while (DateTime.UtcNow < deadline)
        {
            var status = (await alice.GetAsync("/api/clients/ping")).StatusCode;
            statuses.Add(status);
            Assert.Contains(status, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable });
            if (statuses.Count >= 20 && statuses.TakeLast(20).All(s => s == HttpStatusCode.OK)) break;
            await Task.Delay(100);
        }
        Assert.True(statuses.Count >= 20 && statuses.TakeLast(20).All(s => s == HttpStatusCode.OK), string.Join(",", statuses.Select(s => (int)s)));
        Assert.True(gateway.Backend.Received.Count(r => r.Path == "/health/ready") > 0, "the live instance was never probed");
    }
}
