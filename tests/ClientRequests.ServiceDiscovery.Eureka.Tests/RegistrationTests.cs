using Microsoft.Extensions.Hosting;

namespace ClientRequests.ServiceDiscovery.Eureka.Tests;

public sealed class RegistrationTests
{
    private const string Id = "clients-0:clients:5080";

    [Fact]
    public async Task Registers_as_STARTING_with_Eurekas_instance_shape_then_marks_UP_once_started()
    {
        await using var server = new FakeEurekaServer();
        await server.StartAsync();
        await using var service = ServiceUnderTest.Create(server.ServiceUrl);
        await service.Host.StartAsync(TestContext.Current.CancellationToken);

        await Eventually.TrueAsync(() => (string?)server.Find("CLIENTS", Id)?["status"] == "UP", "the instance to be UP");

        Assert.True(server.Registrations.TryPeek(out var first));
        Assert.Equal("STARTING", (string?)first["status"]);
        Assert.Equal("CLIENTS", (string?)first["app"]);
        Assert.Equal("clients-0", (string?)first["hostName"]);
        Assert.Equal("10.0.0.7", (string?)first["ipAddr"]);
        Assert.Equal(5080, (int?)first["port"]!["$"]);
        Assert.Equal("true", (string?)first["port"]!["@enabled"]);
        Assert.Equal("false", (string?)first["securePort"]!["@enabled"]);
        Assert.Equal("5081", (string?)first["metadata"]!["grpcPort"]);
        Assert.Equal("http://clients-0:5080/health/ready", (string?)first["healthCheckUrl"]);
        Assert.Equal("clients", (string?)first["vipAddress"]);
        Assert.Equal("com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", (string?)first["dataCenterInfo"]!["@class"]);
        Assert.Equal("MyOwn", (string?)first["dataCenterInfo"]!["name"]);
        Assert.NotNull(first["leaseInfo"]!["durationInSecs"]);
        Assert.Contains($"PUT /eureka/apps/CLIENTS/{Id}/status?value=UP", server.Requests);
    }

    [Fact]
    public async Task Renews_the_lease_every_interval()
    {
        await using var server = new FakeEurekaServer();
        await server.StartAsync();
        await using var service = ServiceUnderTest.Create(server.ServiceUrl);
        await service.Host.StartAsync(TestContext.Current.CancellationToken);

        await Eventually.TrueAsync(() => server.Count($"PUT /eureka/apps/CLIENTS/{Id}?status=UP") >= 3, "three renewals");
        Assert.Equal(1, server.Count("POST /eureka/apps/CLIENTS"));
    }

    [Fact]
    public async Task A_renewal_answered_404_registers_the_instance_again()
    {
        await using var server = new FakeEurekaServer();
        await server.StartAsync();
        await using var service = ServiceUnderTest.Create(server.ServiceUrl);
        await service.Host.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => (string?)server.Find("CLIENTS", Id)?["status"] == "UP", "the instance to be UP");

        server.Remove("CLIENTS", Id); // what Eureka does when a lease expired, e.g. after a long GC pause

        await Eventually.TrueAsync(() => server.Count("POST /eureka/apps/CLIENTS") == 2, "a second registration");
        Assert.True(server.Count($"404 PUT /eureka/apps/CLIENTS/{Id}") >= 1);
        await Eventually.TrueAsync(() => (string?)server.Find("CLIENTS", Id)?["status"] == "UP", "the instance to be UP again");
        Assert.True(service.Logs.Any(Microsoft.Extensions.Logging.LogLevel.Warning, "404"));
    }

    [Fact]
    public async Task Cancels_the_lease_on_shutdown()
    {
        await using var server = new FakeEurekaServer();
        await server.StartAsync();
        await using var service = ServiceUnderTest.Create(server.ServiceUrl);
        await service.Host.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => server.Find("CLIENTS", Id) is not null, "registration");

        await service.Host.StopAsync(TestContext.Current.CancellationToken);

        Assert.Contains($"DELETE /eureka/apps/CLIENTS/{Id}", server.Requests);
        Assert.Null(server.Find("CLIENTS", Id));
    }

    [Fact]
    public async Task A_registry_down_at_start_does_not_stop_the_service_which_registers_once_it_is_up()
    {
        await using var server = new FakeEurekaServer(); // port reserved, nothing listening yet
        await using var service = ServiceUnderTest.Create(server.ServiceUrl);

        var start = service.Host.StartAsync(TestContext.Current.CancellationToken);
        Assert.Same(start, await Task.WhenAny(start, Task.Delay(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken)));
        await start;
        await Eventually.TrueAsync(() => service.Logs.Any(Microsoft.Extensions.Logging.LogLevel.Warning, "failed"), "a logged failure");
        Assert.Empty(await service.ResolveAsync("http://requests"));

        server.Put("requests", "requests-0", 6080);
        await server.StartAsync();

        await Eventually.TrueAsync(() => (string?)server.Find("CLIENTS", Id)?["status"] == "UP", "registration once the server is up");
        await Eventually.TrueAsync(async () => (await service.ResolveAsync("http://requests")).Length == 1, "resolution once the server is up");
    }

    [Fact]
    public async Task Does_nothing_without_a_service_url()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        var before = builder.Services.Count;

        builder.AddEurekaServiceDiscovery();

        Assert.Equal(before, builder.Services.Count);
    }
}
