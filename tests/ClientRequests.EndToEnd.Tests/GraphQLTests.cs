using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.EndToEnd.Tests;

/// <summary>GraphQL at the gateway over the real services: their data, their rules, through the caller's token.</summary>
public sealed class GraphQLTests(PlatformFixture fixture)
{
    const string RequestFields = """
        id title status clientName priority
        sla { state resolutionDueAt atRisk breached }
        client { id name tier accountTeam { accountManagerId accountExecutiveIds } health { score band } }
        workItems { departmentCode status }
        """;

    [Fact]
    public async Task A_query_too_long_for_a_plain_request_line_reaches_GraphQL_over_GET_and_is_answered_with_a_GraphQL_error()
    {
        using var alice = fixture.Platform.GatewayClient(DemoUsers.Alice);
        // 6,000 braces are 18 KB once escaped: over Kestrel's default 8 KB request line, which answers a bare 414.
        using var get = new HttpRequestMessage(HttpMethod.Get, "graphql?query=" + Uri.EscapeDataString(new string('{', 6_000)));
        get.Headers.Accept.ParseAdd(GraphQLResponse);
        var response = await alice.SendAsync(get, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal(GraphQLResponse, response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").GetArrayLength() > 0);
    }

    [Fact]
    public async Task A_request_opened_through_GraphQL_is_read_back_with_its_client_work_items_and_timeline()
    {
        using var alice = fixture.Platform.GatewayClient(DemoUsers.Alice);
        var opened = await GraphQLAsync(alice, $$"""
            mutation Open($input: OpenRequestInput!) { openRequest(input: $input) { {{RequestFields}} } }
            """, new { input = new { clientId = DemoClients.Acme, type = "billing", priority = "P2", title = "Credit note for October", description = "Two invoices overlap." } });
        var request = opened.GetProperty("openRequest");
        var id = request.GetProperty("id").GetString()!;
        Assert.Equal("Credit note for October", request.GetProperty("title").GetString());
        Assert.Equal(DemoClients.Acme.ToString(), request.GetProperty("client").GetProperty("id").GetString());
        Assert.Equal("alice", request.GetProperty("client").GetProperty("accountTeam").GetProperty("accountManagerId").GetString());
        Assert.Equal("billing", request.GetProperty("workItems")[0].GetProperty("departmentCode").GetString());

        var commented = await GraphQLAsync(alice, """
            mutation Comment($id: ID!) { addComment(requestId: $id, text: "Called the client back.") { id } }
            """, new { id });
        Assert.Equal(id, commented.GetProperty("addComment").GetProperty("id").GetString());

        var read = await GraphQLAsync(alice, $$"""
            query Read($id: ID!, $client: ID!) {
              request(id: $id) { {{RequestFields}} timeline { kind text } }
              requests(filter: { clientId: $client }, first: 50) { nodes { id client { name } } pageInfo { hasNextPage } }
              me { id roles }
            }
            """, new { id, client = DemoClients.Acme });
        Assert.Contains(read.GetProperty("request").GetProperty("timeline").EnumerateArray(),
            e => e.GetProperty("text").GetString() == "Called the client back.");
        Assert.Contains(read.GetProperty("requests").GetProperty("nodes").EnumerateArray(), n => n.GetProperty("id").GetString() == id);
        Assert.Equal("alice", read.GetProperty("me").GetProperty("id").GetString());

        var cancelled = await GraphQLAsync(alice, """
            mutation Cancel($id: ID!) { changeRequestStatus(id: $id, action: CANCEL, reason: "Sorted out by phone.") { status } }
            """, new { id });
        Assert.Equal("Cancelled", cancelled.GetProperty("changeRequestStatus").GetProperty("status").GetString());
    }

    [Fact]
    public async Task EditRequest_recomputes_the_clock_and_names_the_version_or_the_state_it_refuses()
    {
        using var alice = fixture.Platform.GatewayClient(DemoUsers.Alice);
        var opened = (await GraphQLAsync(alice, """
            mutation Open($input: OpenRequestInput!) { openRequest(input: $input) { id version sla { resolutionDueAt } } }
            """, new { input = new { clientId = DemoClients.Acme, type = "billing", priority = "P4", title = "Edit me", description = "Raised later." } }))
            .GetProperty("openRequest");
        var id = opened.GetProperty("id").GetString()!;
        // The department's queue moves the request on (a new version) while we edit: as a user would, read again and retry.
        JsonElement edited = default;
        var version = opened.GetProperty("version").GetInt32();
        for (var attempt = 0; attempt < 20; attempt++)
        {
            version = (await GraphQLAsync(alice, "query Read($id: ID!) { request(id: $id) { version } }", new { id })).GetProperty("request").GetProperty("version").GetInt32();
            var answer = await RawAsync(alice, """
                mutation Edit($id: ID!, $version: Int!) { editRequest(id: $id, input: { version: $version, priority: "P1" }) { priority version sla { resolutionDueAt } } }
                """, new { id, version });
            if (!answer.TryGetProperty("errors", out var errors))
            {
                edited = answer.GetProperty("data").GetProperty("editRequest");
                break;
            }
            Assert.Equal("CONFLICT", errors[0].GetProperty("extensions").GetProperty("code").GetString());
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
        Assert.Equal(JsonValueKind.Object, edited.ValueKind);
        Assert.Equal("P1", edited.GetProperty("priority").GetString());
        Assert.True(edited.GetProperty("sla").GetProperty("resolutionDueAt").GetDateTimeOffset() < opened.GetProperty("sla").GetProperty("resolutionDueAt").GetDateTimeOffset());

        // The version read before the edit is stale now: a CONFLICT naming it, nothing changed.
        var stale = await RawAsync(alice, """
            mutation Edit($id: ID!, $version: Int!) { editRequest(id: $id, input: { version: $version, title: "Too late" }) { id } }
            """, new { id, version });
        var staleError = stale.GetProperty("errors")[0];
        Assert.Equal("CONFLICT", staleError.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains($"version {version}", staleError.GetProperty("message").GetString());

        await GraphQLAsync(alice, """
            mutation Cancel($id: ID!) { changeRequestStatus(id: $id, action: CANCEL, reason: "Not needed.") { status } }
            """, new { id });
        var current = (await GraphQLAsync(alice, "query Read($id: ID!) { request(id: $id) { version } }", new { id })).GetProperty("request").GetProperty("version").GetInt32();
        var closed = await RawAsync(alice, """
            mutation Edit($id: ID!, $version: Int!) { editRequest(id: $id, input: { version: $version, title: "After cancel" }) { id } }
            """, new { id, version = current });
        var closedError = closed.GetProperty("errors")[0];
        Assert.Equal("CONFLICT", closedError.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("Cancelled", closedError.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Another_teams_manager_gets_no_data_about_an_Acme_request()
    {
        using var alice = fixture.Platform.GatewayClient(DemoUsers.Alice);
        var opened = await GraphQLAsync(alice, """
            mutation Open($input: OpenRequestInput!) { openRequest(input: $input) { id } }
            """, new { input = new { clientId = DemoClients.Acme, type = "billing", priority = "P3", title = "Private to Acme", description = "Not for Initech." } });
        var id = opened.GetProperty("openRequest").GetProperty("id").GetString()!;

        using var mallory = fixture.Platform.GatewayClient(DemoUsers.Mallory);
        var seen = await GraphQLAsync(mallory, """
            query Peek($id: ID!, $client: ID!) {
              request(id: $id) { title }
              requests(first: 200) { nodes { id } }
              clients(ids: [$client]) { name }
            }
            """, new { id, client = DemoClients.Acme });
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("request").ValueKind);
        Assert.DoesNotContain(seen.GetProperty("requests").GetProperty("nodes").EnumerateArray(), n => n.GetProperty("id").GetString() == id);
        Assert.Empty(seen.GetProperty("clients").EnumerateArray());

        // Filtering by Acme is answered like a client that does not exist, exactly as the REST API answers it.
        var filtered = await RawAsync(mallory, """query($client: ID!) { requests(filter: { clientId: $client }) { nodes { id title } } }""",
            new { client = DemoClients.Acme });
        Assert.Equal(JsonValueKind.Null, filtered.GetProperty("data").ValueKind);
        Assert.Equal("NOT_FOUND", filtered.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());

        // Nor can she change it: the requests service refuses her, and GraphQL says so without data.
        var body = await RawAsync(mallory, """mutation($id: ID!) { addComment(requestId: $id, text: "peek") { id } }""", new { id });
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").GetProperty("addComment").ValueKind);
        Assert.Contains(body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString(), new[] { "NOT_FOUND", "FORBIDDEN" });
    }

    [Fact]
    public async Task An_agent_sees_the_departments_and_their_own_queue()
    {
        using var carol = fixture.Platform.GatewayClient(DemoUsers.Carol);
        var data = await GraphQLAsync(carol, """
            { me { id departments } departments { code name members { userId } } queue(code: "billing") { items { title status } } }
            """);
        Assert.Equal("billing", data.GetProperty("me").GetProperty("departments")[0].GetString());
        Assert.Contains(data.GetProperty("departments").EnumerateArray(), d => d.GetProperty("code").GetString() == "billing");
        Assert.Equal(JsonValueKind.Array, data.GetProperty("queue").GetProperty("items").ValueKind);
    }

    /// <summary>As a conforming GraphQL-over-HTTP client: it accepts application/graphql-response+json (ADR 0024).</summary>
    static Task<HttpResponseMessage> PostAsync(HttpClient http, string query, object? variables)
    {
        var post = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query, variables }) };
        post.Headers.Accept.ParseAdd(GraphQLResponse);
        return http.SendAsync(post);
    }

    const string GraphQLResponse = "application/graphql-response+json";

    static async Task<JsonElement> RawAsync(HttpClient http, string query, object variables)
    {
        var response = await PostAsync(http, query, variables);
        Assert.Equal(GraphQLResponse, response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    static async Task<JsonElement> GraphQLAsync(HttpClient http, string query, object? variables = null)
    {
        var response = await PostAsync(http, query, variables);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        Assert.Equal(GraphQLResponse, response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(body).RootElement;
        Assert.False(root.TryGetProperty("errors", out _), body);
        return root.GetProperty("data");
    }
}
