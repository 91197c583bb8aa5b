using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Benchmarks;

/// <summary>The smallest service there is: GET /api/clients/ping answers "pong", on a free loopback port.</summary>
public sealed class PingBackend : IAsyncDisposable
{
    readonly WebApplication app;
    public string Address { get; private set; } = "";

    PingBackend(WebApplication app) => this.app = app;

    public static async Task<PingBackend> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0";
        var app = builder.Build();
        app.MapGet("/api/clients/ping", () => Results.Text("pong"));
        await app.StartAsync();
        return new PingBackend(app)
        {
            Address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First(),
        };
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();
}
