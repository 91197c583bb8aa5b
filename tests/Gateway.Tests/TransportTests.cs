using System.Net;
using System.Net.Http.Json;
using System.Text;
using ClientRequests.Gateway.GraphQL.Transport;
using ClientRequests.ServiceDefaults.Security;

namespace Gateway.Tests;

/// <summary>GraphQL over HTTP: media types and status codes as the GraphQL-over-HTTP spec sets them.</summary>
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
        Assert.Equal(GraphQLHttp.MediaType, response.Content.Headers.ContentType?.MediaType);
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
        Assert.Equal(GraphQLHttp.MediaType, response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.False(body.TryGetProperty("data", out var data) && data.ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.NotEmpty(body.GetProperty("errors").EnumerateArray());
    }

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
