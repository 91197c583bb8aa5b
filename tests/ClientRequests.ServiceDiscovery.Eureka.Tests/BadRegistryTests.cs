using Microsoft.Extensions.Logging;

namespace ClientRequests.ServiceDiscovery.Eureka.Tests;

/// <summary>A registry answering 5xx, garbage or slowly is logged, and the last good cache keeps serving.</summary>
public sealed class BadRegistryTests
{
    [Theory]
    [InlineData(FetchMode.ServerError)]
    [InlineData(FetchMode.Malformed)]
    [InlineData(FetchMode.Slow)]
    public async Task A_failing_registry_keeps_the_last_good_cache_and_is_retried(FetchMode mode)
    {
        await using var server = new FakeEurekaServer();
        server.Put("requests", "requests-0", 6080);
        await server.StartAsync();
        await using var service = ServiceUnderTest.Create(server.ServiceUrl, new() { ["Eureka:Client:RequestTimeoutSeconds"] = "0.3" });
        await service.Host.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(async () => (await service.ResolveAsync("http://requests")).Length == 1, "the instance");

        server.Mode = mode;
        server.Remove("requests", "requests-0"); // the client must not learn this while the registry is broken

        await Eventually.TrueAsync(() => server.FailedFetches >= 3, "three failed fetches (the client keeps trying)");
        Assert.Equal(["http://127.0.0.1:6080/"], await service.ResolveAsync("http://requests"));
        Assert.True(service.Logs.Any(LogLevel.Warning, "serving the last good cache"));

        server.Mode = FetchMode.Normal;

        await Eventually.TrueAsync(async () => (await service.ResolveAsync("http://requests")).Length == 0, "recovery: the removal seen");
    }

    [Fact]
    public async Task A_second_service_url_is_used_when_the_first_is_down()
    {
        await using var down = new FakeEurekaServer(); // never started
        await using var server = new FakeEurekaServer();
        server.Put("requests", "requests-0", 6080);
        await server.StartAsync();
        await using var service = ServiceUnderTest.Create($"{down.ServiceUrl}, {server.ServiceUrl}");
        await service.Host.StartAsync(TestContext.Current.CancellationToken);

        await Eventually.TrueAsync(async () => (await service.ResolveAsync("http://requests")).Length == 1, "the instance via the second server");
        await Eventually.TrueAsync(() => server.Find("CLIENTS", "clients-0:clients:5080") is not null, "registration via the second server");
    }
}
