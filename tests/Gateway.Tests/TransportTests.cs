using System.Net;
using System.Net.Http.Json;
using System.Text;
using ClientRequests.Gateway.GraphQL.Transport;
using ClientRequests.ServiceDefaults.Security;

namespace Gateway.Tests;

/// <summary>GraphQL over HTTP: media types and status codes as the GraphQL-over-HTTP spec sets them (ADR 0024).</summary>
public sealed class TransportTests : IAsyncLifetime
{
    GatewayApp gateway = null!;
    HttpClient alice = null!;

    public async ValueTask InitializeAsync()
    {
        gateway = await GatewayApp.StartAsync();
        alice = gateway.ClientFor(DemoUsers.Alice);
    }

    public async ValueTask DisposeAsync()
    {
        alice.Dispose();
        await gateway.DisposeAsync();
    }

    [Fact]
    public async Task A_query_posted_as_json_answers_200_with_the_graphql_response_media_type()
    {
        var response = await alice.PostQueryAsync("query Me { me { id roles departments } }");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ResponseMediaType.GraphQLResponse, response.Content.Headers.ContentType?.MediaType);
        var me = (await response.JsonAsync()).GetProperty("data").GetProperty("me");
        Assert.Equal("alice", me.GetProperty("id").GetString());
        Assert.Equal("account-manager", me.GetProperty("roles")[0].GetString());
    }

    [Fact]
    public async Task A_query_over_GET_runs_with_its_variables()
    {
        var id = gateway.Directories.Requests[0].Id;
        var url = "/graphql?query=" + Uri.EscapeDataString("query One($id: ID!) { request(id: $id) { title } }")
            + "&variables=" + Uri.EscapeDataString($$"""{"id":"{{id}}"}""");
        var response = await alice.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Request 0", (await response.JsonAsync()).GetProperty("data").GetProperty("request").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_mutation_over_GET_is_405_and_names_POST()
    {
        var response = await alice.GetAsync("/graphql?query=" + Uri.EscapeDataString("mutation { addComment(requestId: \"x\", text: \"hi\") { id } }"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.Empty(gateway.Backend.Received);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var response = await alice.PostAsync("/graphql", new StringContent("{ me { id } }", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("{ me { id }")]
    [InlineData("{ me { nosuchfield } }")]
    public async Task Parse_and_validation_errors_are_400_with_the_graphql_response_media_type(string query)
    {
        var response = await alice.PostQueryAsync(query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ResponseMediaType.GraphQLResponse, response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.False(body.TryGetProperty("data", out var data) && data.ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.NotEmpty(body.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task Variables_that_fail_to_coerce_are_400_with_the_graphql_response_media_type_and_nothing_runs()
    {
        var response = await alice.PostQueryAsync(OneRequest, new { id = (string?)null });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ResponseMediaType.GraphQLResponse, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty((await response.JsonAsync()).GetProperty("errors").EnumerateArray());
        Assert.Equal(0, gateway.Directories.CallsTo("clientrequests.requests.v1.RequestDirectory"));
    }

    public static TheoryData<string?> LegacyAccepts => new() { "application/json", (string?)null, "*/*", "application/json, application/graphql-response+json;q=0.5" };

    [Theory]
    [MemberData(nameof(LegacyAccepts))]
    public async Task A_legacy_client_gets_application_json_for_a_query_that_runs(string? accept)
    {
        var response = await alice.PostQueryAsync(accept, "{ me { id } }");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ResponseMediaType.Json, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Equal("alice", (await response.JsonAsync()).GetProperty("data").GetProperty("me").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("application/json", "{ me { id }", null)]
    [InlineData("application/json", "{ me { nosuchfield } }", null)]
    [InlineData("application/json", OneRequest, "null")]
    [InlineData(null, "{ me { id }", null)]
    [InlineData(null, "{ me { nosuchfield } }", null)]
    [InlineData(null, OneRequest, "null")]
    [InlineData("*/*", "{ me { nosuchfield } }", null)]
    [InlineData("*/*", OneRequest, "null")]
    public async Task For_a_legacy_client_parse_validation_and_variable_errors_are_200_with_errors_and_no_data(string? accept, string query, string? id)
    {
        var response = await alice.PostQueryAsync(accept, query, id is null ? null : new { id = (string?)null });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ResponseMediaType.Json, response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.False(body.TryGetProperty("data", out var data) && data.ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.NotEmpty(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(0, gateway.Directories.CallsTo("clientrequests.requests.v1.RequestDirectory"));
    }

    [Fact]
    public async Task A_legacy_client_over_GET_gets_200_with_errors_for_a_document_that_does_not_parse()
    {
        var response = await alice.GetAsync("/graphql?query=" + Uri.EscapeDataString("{ me { id }"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ResponseMediaType.Json, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty((await response.JsonAsync()).GetProperty("errors").EnumerateArray());
    }

    [Theory]
    [InlineData("application/graphql-response+json, application/json;q=0.9")]
    [InlineData("text/event-stream")]
    public async Task The_graphql_response_media_type_is_chosen_when_preferred_or_when_nothing_else_fits(string accept)
    {
        var response = await alice.PostQueryAsync(accept, "{ me { nosuchfield } }");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ResponseMediaType.GraphQLResponse, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("""{"query":""")]
    [InlineData("""{"qeury":"{ me { id } }"}""")]
    public async Task A_body_that_is_not_a_graphql_request_is_400_even_for_a_legacy_client(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        var response = await alice.SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(ResponseMediaType.Json, response.Content.Headers.ContentType?.MediaType);
        Assert.NotEmpty((await response.JsonAsync()).GetProperty("errors").EnumerateArray());
    }

    const string OneRequest = "query One($id: ID!) { request(id: $id) { title } }";

    [Fact]
    public async Task A_small_batch_answers_each_operation_in_order()
    {
        var response = await alice.PostAsJsonAsync("/graphql", new[] { new { query = "{ me { id } }" }, new { query = "{ departments { code } }" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var results = await response.JsonAsync();
        Assert.Equal("alice", results[0].GetProperty("data").GetProperty("me").GetProperty("id").GetString());
        Assert.Equal("billing", results[1].GetProperty("data").GetProperty("departments")[0].GetProperty("code").GetString());
    }
}
