using System.Net;
using ClientRequests.TestKit;
using static Notifications.Tests.Scenario;

namespace Notifications.Tests;

/// <summary>A browser's EventSource cannot send headers: the stream, and only the stream, takes the token from the query.</summary>
public sealed class StreamTokenTests(NotificationsAppFixture fixture) : IClassFixture<NotificationsAppFixture>
{
    [Fact]
    public async Task The_stream_accepts_the_token_as_access_token_in_the_query()
    {
        using var anonymous = fixture.App.CreateClient();
        var token = Tokens.For(NewManager());

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/notifications/stream?access_token={token}");
        using var response = await anonymous.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Other_routes_ignore_a_token_in_the_query()
    {
        using var anonymous = fixture.App.CreateClient();
        var token = Tokens.For(NewManager());

        var response = await anonymous.GetAsync($"/api/notifications?access_token={token}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_stream_refuses_a_forged_query_token()
    {
        using var anonymous = fixture.App.CreateClient();
        var response = await anonymous.GetAsync("/api/notifications/stream?access_token=not-a-token", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
