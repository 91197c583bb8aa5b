using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;

namespace Gateway.Tests;

public sealed class SubscriptionTests
{
    [Fact]
    public async Task RequestUpdated_sends_the_request_and_then_each_change_as_server_sent_events()
    {
        var fake = FakeDirectories.With(clients: 1, requests: 1);
        var request = fake.Requests[0];
        // The timeout bounds each execution, not the life of the stream: the change comes after it has passed.
        await using var gateway = await GatewayApp.StartAsync(fake, new Dictionary<string, string>
        {
            ["Gateway:GraphQL:SubscriptionPollInterval"] = "00:00:00.100",
            ["Gateway:GraphQL:Timeout"] = "00:00:01",
        });
        using var alice = gateway.ClientFor(DemoUsers.Alice);
        using var ask = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = $$"""subscription { requestUpdated(id: "{{request.Id}}") { status client { name } } }""" }),
        };
        ask.Headers.Accept.ParseAdd("text/event-stream");

        using var response = await alice.SendAsync(ask, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var first = await NextAsync(reader);
        Assert.Equal("Routed", first.GetProperty("data").GetProperty("requestUpdated").GetProperty("status").GetString());
        Assert.Equal("Client 0", first.GetProperty("data").GetProperty("requestUpdated").GetProperty("client").GetProperty("name").GetString());

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        request.Status = "InProgress";
        var second = await NextAsync(reader);
        Assert.Equal("InProgress", second.GetProperty("data").GetProperty("requestUpdated").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_subscription_without_an_event_stream_accept_header_is_406()
    {
        await using var gateway = await GatewayApp.StartAsync();
        using var alice = gateway.ClientFor(DemoUsers.Alice);
        var response = await alice.PostQueryAsync("""subscription { requestUpdated(id: "x") { status } }""");
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    static async Task<JsonElement> NextAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var line = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("The stream ended.");
            if (line != "event: next") continue;
            var data = await reader.ReadLineAsync(timeout.Token) ?? throw new EndOfStreamException("The stream ended.");
            return JsonDocument.Parse(data["data: ".Length..]).RootElement;
        }
    }
}
