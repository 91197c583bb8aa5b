using Microsoft.Extensions.Logging;

namespace ClientRequests.ServiceDiscovery.Eureka.Tests;

public sealed class ResolutionTests
{
    [Fact]
    public async Task Resolves_a_logical_name_to_UP_instances_and_grpc_to_their_grpcPort()
    {
        await using var server = new FakeEurekaServer();
        server.Put("requests", "requests-0", 6080, grpcPort: 6081, host: "10.1.0.1");
        server.Put("requests", "requests-1", 7080, grpcPort: 7081, host: "10.1.0.2");
        server.Put("requests", "requests-2", 8080, status: "STARTING", grpcPort: 8081, host: "10.1.0.3");
        await server.StartAsync();
        await using var service = ServiceUnderTest.Create(server.ServiceUrl);
        await service.Host.StartAsync(TestContext.Current.CancellationToken);

        await Eventually.TrueAsync(async () => (await service.ResolveAsync("http://requests")).Length == 2, "two UP instances");

        Assert.Equal(["http://10.1.0.1:6080/", "http://10.1.0.2:7080/"], await service.ResolveAsync("http://requests"));
        Assert.Equal(["http://10.1.0.1:6081/", "http://10.1.0.2:7081/"], await service.ResolveAsync("http://_grpc.requests"));
    }

    [Fact]
    public async Task Applies_deltas_after_one_full_fetch()
    {
        await using var server = new FakeEurekaServer();
        server.Put("requests", "requests-0", 6080);
        await server.StartAsync();
        await using var service = ServiceUnderTest.Create(server.ServiceUrl);
        await service.Host.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(async () => (await service.ResolveAsync("http://requests")).Length == 1, "the first instance");

        server.Put("requests", "requests-1", 7080);
        server.Put("departments", "departments-0", 9080);

        await Eventually.TrueAsync(async () => (await service.ResolveAsync("http://requests")).Length == 2, "the added instance");
        await Eventually.TrueAsync(async () => (await service.ResolveAsync("http://departments")).Length == 1, "the added app");
        Assert.Equal(1, server.FullFetches);
        Assert.True(server.Count("GET /eureka/apps/delta") >= 1);
    }

    [Fact]
    public async Task A_delta_that_does_not_reconcile_falls_back_to_a_full_fetch()
    {
        await using var server = new FakeEurekaServer();
        server.Put("requests", "requests-0", 6080);
        await server.StartAsync();
        await using var service = ServiceUnderTest.Create(server.ServiceUrl);
        await service.Host.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => server.Count("GET /eureka/apps/delta") >= 1, "a delta fetch");
        var fullBefore = server.FullFetches;

        server.CorruptDeltaHash = true;

        await Eventually.TrueAsync(() => server.FullFetches > fullBefore, "another full fetch");
        Assert.True(service.Logs.Any(LogLevel.Information, "does not reconcile"));
    }

    [Fact]
    public async Task An_instance_going_DOWN_is_no_longer_resolved()
    {
        await using var server = new FakeEurekaServer();
        server.Put("requests", "requests-0", 6080);
        server.Put("requests", "requests-1", 7080);
        await server.StartAsync();
        await using var service = ServiceUnderTest.Create(server.ServiceUrl);
        await service.Host.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(async () => (await service.ResolveAsync("http://requests")).Length == 2, "two instances");

        server.SetStatus("requests", "requests-1", "DOWN");

        await Eventually.TrueAsync(async () => (await service.ResolveAsync("http://requests")) is ["http://127.0.0.1:6080/"], "only the UP instance");
    }

    [Fact]
    public async Task Configuration_stays_the_default_and_Eureka_answers_what_it_does_not_know()
    {
        await using var server = new FakeEurekaServer();
        server.Put("requests", "requests-0", 6080);
        server.Put("departments", "departments-0", 9080);
        await server.StartAsync();
        await using var service = ServiceUnderTest.Create(server.ServiceUrl,
            new() { ["services:requests:http:0"] = "http://configured:1234" }, fullDiscovery: true);
        await service.Host.StartAsync(TestContext.Current.CancellationToken);

        await Eventually.TrueAsync(async () => (await service.ResolveAsync("http://departments")) is ["http://127.0.0.1:9080/"], "departments from Eureka");
        Assert.Equal(["http://configured:1234/"], await service.ResolveAsync("http://requests"));
    }
}
