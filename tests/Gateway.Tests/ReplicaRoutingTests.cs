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
    public async Task A_write_whose_instance_dies_after_taking_it_is_a_502_saying_the_outcome_is_unknown_and_a_read_a_503()
    {
        using var dropping = new DroppingInstance();
        await using var gateway = await GatewayApp.StartAsync(settings: new Dictionary<string, string>
        {
            ["Services:clients:http:0"] = dropping.Address,
        });
        using var alice = gateway.ClientFor(DemoUsers.Alice);

        var write = await alice.PostAsync("/api/clients", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadGateway, write.StatusCode);
        Assert.Equal("application/problem+json", write.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{ReplicaRouting.RetryAfterSeconds}", Assert.Single(write.Headers.GetValues("Retry-After")));
        Assert.Contains("may or may not have been recorded", (await write.JsonAsync()).GetProperty("detail").GetString());

        var read = await alice.GetAsync("/api/clients/ping");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
        Assert.Equal($"{ReplicaRouting.RetryAfterSeconds}", Assert.Single(read.Headers.GetValues("Retry-After")));
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

    [Fact]
    public async Task A_hung_instance_is_taken_out_by_the_probes_within_seconds()
    {
        using var hung = new HangingInstance();
        await using var gateway = await GatewayApp.StartAsync(settings: new Dictionary<string, string>
        {
            ["Gateway:ReplicaHealthChecks"] = "true",
            ["Services:clients:http:1"] = hung.Address,
        });
        using var alice = gateway.ClientFor(DemoUsers.Alice);
        alice.Timeout = TimeSpan.FromSeconds(5);
        _ = await alice.GetAsync("/health/live"); // the gateway has started and loaded its clusters (not proxied)

        // Two probes that time out (2 s each, 3 s apart): out by about 8 s. Then every call goes to the live instance.
        await Task.Delay(TimeSpan.FromSeconds(9));
        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/api/clients/ping")).StatusCode);
    }

    [Fact]
    public async Task With_every_instance_hung_the_probes_turn_calls_into_a_prompt_503()
    {
        using var first = new HangingInstance();
        using var second = new HangingInstance();
        await using var gateway = await GatewayApp.StartAsync(settings: new Dictionary<string, string>
        {
            ["Gateway:ReplicaHealthChecks"] = "true",
            ["Services:clients:http:0"] = first.Address,
            ["Services:clients:http:1"] = second.Address,
        });
        using var alice = gateway.ClientFor(DemoUsers.Alice);
        alice.Timeout = TimeSpan.FromSeconds(5);
        _ = await alice.GetAsync("/health/live");

        await Task.Delay(TimeSpan.FromSeconds(9));
        var response = await alice.GetAsync("/api/clients/ping");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal($"{ReplicaRouting.RetryAfterSeconds}", Assert.Single(response.Headers.GetValues("Retry-After")));
    }
}
