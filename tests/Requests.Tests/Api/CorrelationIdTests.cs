using ClientRequests.ServiceDefaults.Correlation;
using System.Net;
using System.Text;
using ClientRequests.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace Requests.Tests.Api;

/// <summary>
/// Every service, not only the gateway, takes the caller's correlation id, answers with it and passes it on to the
/// services it calls (its HTTP and gRPC clients come from the same factory).
/// </summary>
public sealed class CorrelationIdTests(RequestsAppFixture fixture) : IClassFixture<RequestsAppFixture>
{
    [Fact]
    public async Task The_callers_id_is_answered_and_a_missing_or_unprintable_one_is_replaced()
    {
        using var http = fixture.App.CreateClient();
        using var given = new HttpRequestMessage(HttpMethod.Get, "/health/live") { Headers = { { CorrelationId.Header, "order-4711" } } };
        Assert.Equal("order-4711", Assert.Single((await http.SendAsync(given)).Headers.GetValues(CorrelationId.Header)));

        using var none = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        Assert.Matches("^[0-9a-f]{32}$", Assert.Single((await http.SendAsync(none)).Headers.GetValues(CorrelationId.Header)));

        using var unprintable = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        unprintable.Headers.TryAddWithoutValidation(CorrelationId.Header, new string('x', 129));
        Assert.Matches("^[0-9a-f]{32}$", Assert.Single((await http.SendAsync(unprintable)).Headers.GetValues(CorrelationId.Header)));
    }

    [Fact]
    public async Task A_call_the_service_makes_while_serving_one_carries_its_id()
    {
        // Another service, over real HTTP on loopback: it answers with the id it was sent.
        var address = $"http://127.0.0.1:{FreePort.Next()}/";
        using var other = new HttpListener { Prefixes = { address } };
        other.Start();
        var answered = Task.Run(async () =>
        {
            var call = await other.GetContextAsync();
            var body = Encoding.UTF8.GetBytes(call.Request.Headers[CorrelationId.Header] ?? "");
            await call.Response.OutputStream.WriteAsync(body);
            call.Response.Close();
        });

        using (CorrelationId.Begin("order-4712"))
        {
            using var client = fixture.App.Services.GetRequiredService<IHttpClientFactory>().CreateClient();
            Assert.Equal("order-4712", await client.GetStringAsync(address));
            await answered;
        }
    }
}
