using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace Gateway.Benchmarks;

/// <summary>
/// The reference hop: a default YARP with one route to the backend and nothing else (no auth, limiter, telemetry or
/// service discovery), run as its own process from this benchmark's own build when <see cref="BackendVariable"/> is set.
/// </summary>
public static class BareProxy
{
    public const string BackendVariable = "GATEWAY_BENCHMARK_BARE_PROXY_TO";

    public static async Task RunAsync(string backend)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "clients", ClusterId = "clients", Match = new RouteMatch { Path = "/api/clients/{**rest}" } }],
            [new ClusterConfig { ClusterId = "clients", Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = backend } } }]);
        var app = builder.Build();
        app.MapGet("/health/ready", () => Results.Text("ready"));
        app.MapReverseProxy();
        await app.RunAsync();
    }
}
