using System.Net;
using ClientRequests.ServiceDefaults.Correlation;
using ClientRequests.ServiceDefaults.Security;

namespace Gateway.Tests;

public sealed class HardeningTests
{
    [Fact]
    public async Task A_caller_over_the_limit_gets_429_problem_details_with_Retry_After_while_others_go_on()
    {
        await using var gateway = await GatewayApp.StartAsync(settings: new Dictionary<string, string>
        {
            ["Gateway:RateLimit:PermitLimit"] = "3",
            ["Gateway:RateLimit:Window"] = "00:01:00",
        });
        using var alice = gateway.ClientFor(DemoUsers.Alice);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync("/api/clients/ping")).StatusCode);

        var refused = await alice.GetAsync("/api/clients/ping");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = Assert.Single(refused.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter), 1, 60);
        Assert.Equal(429, (await refused.JsonAsync()).GetProperty("status").GetInt32());

        // Partitioned by the token's subject: Alice's burst costs Mallory nothing.
        using var mallory = gateway.ClientFor(DemoUsers.Mallory);
        Assert.Equal(HttpStatusCode.OK, (await mallory.GetAsync("/api/clients/ping")).StatusCode);
    }

    [Fact]
    public async Task A_correlation_id_is_generated_when_missing_and_echoed_and_forwarded()
    {
        await using var gateway = await GatewayApp.StartAsync();
        using var alice = gateway.ClientFor(DemoUsers.Alice);

        var generated = await alice.GetAsync("/api/clients/ping");
        var id = Assert.Single(generated.Headers.GetValues(CorrelationId.Header));
        Assert.False(string.IsNullOrWhiteSpace(id));
        Assert.Contains(gateway.Backend.Received, r => r.Headers[CorrelationId.Header] == id);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/clients/ping");
        request.Headers.Add(CorrelationId.Header, "order-4711");
        var given = await alice.SendAsync(request);
        Assert.Equal("order-4711", Assert.Single(given.Headers.GetValues(CorrelationId.Header)));
        Assert.Contains(gateway.Backend.Received, r => r.Headers[CorrelationId.Header] == "order-4711");
    }

    [Fact]
    public async Task The_correlation_id_is_a_tag_of_the_calls_activity()
    {
        var tagged = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == "Microsoft.AspNetCore",
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) =>
                System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem(CorrelationId.ActivityTag) is string id) tagged.Add(id);
            },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        await using var gateway = await GatewayApp.StartAsync();
        using var alice = gateway.ClientFor(DemoUsers.Alice);
        var id = "trace-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/clients/ping");
        request.Headers.Add(CorrelationId.Header, id);

        await alice.SendAsync(request);

        // The server's activity stops as the response completes, which may be just after the client has it.
        for (var i = 0; i < 50 && !tagged.Contains(id); i++) await Task.Delay(100);
        Assert.Contains(id, tagged);
    }

    [Fact]
    public async Task The_forwarded_call_tells_the_service_who_called()
    {
        await using var gateway = await GatewayApp.StartAsync();
        using var alice = gateway.ClientFor(DemoUsers.Alice);
        await alice.GetAsync("/api/clients/ping");
        var received = Assert.Single(gateway.Backend.Received, r => r.Path == "/api/clients/ping");
        Assert.False(string.IsNullOrEmpty(received.Headers["X-Forwarded-Proto"]));
        Assert.False(string.IsNullOrEmpty(received.Headers["X-Forwarded-Host"]));
        Assert.StartsWith("Bearer ", received.Headers.Authorization.ToString());
    }

    [Fact]
    public async Task A_server_sent_event_reaches_the_caller_while_the_stream_stays_open()
    {
        await using var gateway = await GatewayApp.StartAsync();
        using var alice = gateway.ClientFor(DemoUsers.Alice);
        using var response = await alice.GetAsync("/api/notifications/stream", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        // The backend holds the stream open until released: the line arrives only if nothing buffers it.
        var first = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("event: notification", first);
        Assert.False(gateway.Backend.ReleaseStream.Task.IsCompleted);
        gateway.Backend.ReleaseStream.SetResult();
    }

    [Fact]
    public async Task Proxied_routes_and_graphql_refuse_anonymous_callers()
    {
        await using var gateway = await GatewayApp.StartAsync();
        using var anonymous = gateway.ClientFor(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/clients/ping")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostQueryAsync("{ me { id } }")).StatusCode);
        Assert.Empty(gateway.Backend.Received);
    }
}
