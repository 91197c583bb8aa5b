using System.Net;
using System.Net.Http.Json;
using ClientRequests.ServiceDefaults.Security;

namespace Gateway.Tests;

/// <summary>OWASP API4: every limit GraphQL has is crossed here once.</summary>
public sealed class LimitTests
{
    [Fact]
    public async Task A_query_deeper_than_the_limit_is_refused_before_any_service_is_called()
    {
        await using var gateway = await GatewayApp.StartAsync(settings: new Dictionary<string, string> { ["Gateway:GraphQL:MaxDepth"] = "3" });
        using var alice = gateway.ClientFor(DemoUsers.Alice);
        var id = gateway.Directories.Requests[0].Id;

        var shallow = await alice.PostQueryAsync($$"""{ request(id: "{{id}}") { client { name } } }""");
        Assert.Equal(HttpStatusCode.OK, shallow.StatusCode);
        var calls = gateway.Directories.CallsTo("clientrequests.requests.v1.RequestDirectory");

        var deep = await alice.PostQueryAsync($$"""{ request(id: "{{id}}") { client { accountTeam { accountManagerId } } } }""");
        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        Assert.Contains("depth", (await deep.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(calls, gateway.Directories.CallsTo("clientrequests.requests.v1.RequestDirectory"));
    }

    [Fact]
    public async Task Aliases_count_toward_the_complexity_limit()
    {
        await using var gateway = await GatewayApp.StartAsync(settings: new Dictionary<string, string> { ["Gateway:GraphQL:MaxComplexity"] = "60" });
        using var alice = gateway.ClientFor(DemoUsers.Alice);

        var once = await alice.PostQueryAsync("{ requests(first: 10) { nodes { id title } } }");
        Assert.Equal(HttpStatusCode.OK, once.StatusCode);

        var aliased = string.Join(" ", Enumerable.Range(0, 5).Select(i => $"a{i}: requests(first: 10) {{ nodes {{ id title }} }}"));
        var many = await alice.PostQueryAsync("{ " + aliased + " }");
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        Assert.Contains("complexity", await many.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_execution_past_the_timeout_is_cut_off_with_504()
    {
        var slow = FakeDirectories.With(clients: 1, requests: 1);
        slow.Delay = TimeSpan.FromSeconds(5);
        await using var gateway = await GatewayApp.StartAsync(slow, new Dictionary<string, string> { ["Gateway:GraphQL:Timeout"] = "00:00:00.300" });
        using var alice = gateway.ClientFor(DemoUsers.Alice);

        var started = DateTime.UtcNow;
        var response = await alice.PostQueryAsync("{ requests { nodes { id } } }");
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(4));
        Assert.Equal("TIMEOUT", (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_legacy_client_gets_its_timed_out_execution_as_200_with_the_timeout_error()
    {
        var slow = FakeDirectories.With(clients: 1, requests: 1);
        slow.Delay = TimeSpan.FromSeconds(5);
        await using var gateway = await GatewayApp.StartAsync(slow, new Dictionary<string, string> { ["Gateway:GraphQL:Timeout"] = "00:00:00.300" });
        using var alice = gateway.ClientFor(DemoUsers.Alice);

        var response = await alice.PostQueryAsync("application/json", "{ requests { nodes { id } } }");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("TIMEOUT", (await response.JsonAsync()).GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_batch_with_more_operations_than_allowed_is_refused()
    {
        await using var gateway = await GatewayApp.StartAsync(settings: new Dictionary<string, string> { ["Gateway:GraphQL:MaxBatch"] = "2" });
        using var alice = gateway.ClientFor(DemoUsers.Alice);
        var response = await alice.PostAsJsonAsync("/graphql", Enumerable.Repeat(new { query = "{ me { id } }" }, 3));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1 to 2", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Development", HttpStatusCode.OK)]
    [InlineData("Production", HttpStatusCode.BadRequest)]
    public async Task Introspection_is_answered_only_in_Development(string environment, HttpStatusCode expected)
    {
        await using var gateway = await GatewayApp.StartAsync(environment: environment);
        using var alice = gateway.ClientFor(DemoUsers.Alice);
        var response = await alice.PostQueryAsync("{ __schema { queryType { name } } }");
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task A_failing_service_call_leaves_no_stack_trace_or_internals_in_the_answer()
    {
        await using var gateway = await GatewayApp.StartAsync();
        using var alice = gateway.ClientFor(DemoUsers.Alice);
        var response = await alice.PostQueryAsync($$"""{ request(id: "{{FakeDirectories.FailingRequestId}}") { id } }""");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("errors", body);
        Assert.DoesNotContain(" at ", body);
        Assert.DoesNotContain("/srv/requests", body);
        Assert.DoesNotContain("InvalidOperationException", body);
    }
}
