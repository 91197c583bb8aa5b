using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Gateway.Tests;

/// <summary>
/// One tiny HTTP server on loopback standing in for every service's REST API: it records what reached it (paths and
/// headers), answers the mutations' REST calls, and a Server-Sent Events stream that sends one event and then waits.
/// </summary>
public sealed class FakeBackend : IAsyncDisposable
{
    readonly WebApplication app;
    public ConcurrentQueue<(string Path, IHeaderDictionary Headers)> Received { get; } = new();
    public TaskCompletionSource ReleaseStream { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public string Address { get; private set; } = "";
    /// <summary>Called for <c>POST /api/requests/{id}/{action}</c> with the id and the action.</summary>
    public Action<string, string> OnRequestAction { get; set; } = (_, _) => { };
    /// <summary>The clients <c>GET /api/clients</c> pages through, in order.</summary>
    public List<string> ClientIds { get; } = [];

    FakeBackend()
    {
        var builder = WebApplication.CreateBuilder();
        // The test folder holds the gateway's appsettings.json (port 5000): a free port, and one backend per test.
        builder.Configuration["Kestrel:Endpoints:Http:Url"] = "http://127.0.0.1:0";
        builder.Configuration["Kestrel:Endpoints:Http:Protocols"] = "Http1";
        app = builder.Build();
        app.Use(async (context, next) =>
        {
            Received.Enqueue((context.Request.Path, new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value))));
            await next(context);
        });
        app.MapGet("/api/clients/ping", () => "pong");
        // The clients service's list of the caller's book, keyset-paged; here the cursor is the next row's index.
        app.MapGet("/api/clients", (int? limit, string? after) =>
        {
            var from = after is null ? 0 : int.Parse(after);
            var take = limit ?? 50;
            var rows = ClientIds.Skip(from).Take(take).Select(id => new { id }).ToList();
            return Results.Ok(new { items = rows, nextCursor = from + take < ClientIds.Count ? (from + take).ToString() : null });
        });
        // What the gateway's active health checks probe (Gateway:ReplicaHealthChecks).
        app.MapGet("/health/ready", () => "Healthy");
        app.MapPost("/api/requests/{id}/comments", (string id) => Results.Created($"/api/requests/{id}/timeline", new { id }));
        app.MapPost("/api/requests/{id}/{action}", (string id, string action) =>
        {
            OnRequestAction(id, action);
            return Results.Ok(new { id });
        });
        app.MapGet("/api/notifications/stream", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("event: notification\ndata: {\"n\":1}\n\n");
            await context.Response.Body.FlushAsync();
            await ReleaseStream.Task.WaitAsync(TimeSpan.FromSeconds(30));
        });
    }

    public static async Task<FakeBackend> StartAsync()
    {
        var backend = new FakeBackend();
        await backend.app.StartAsync();
        backend.Address = backend.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return backend;
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseStream.TrySetResult();
        await app.DisposeAsync();
    }
}
