using System.Collections.Concurrent;
using System.Text.Json.Nodes;
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
    /// <summary>What <c>GET /api/sla/policy</c> answers; a successful <c>PUT</c> replaces it.</summary>
    public JsonObject SlaPolicy { get; set; } = JsonNode.Parse("""
        {"version":1,"changedBy":"configuration","changedAt":"2026-12-01T09:00:00+00:00","atRiskFraction":0.8,
         "calendar":{"timeZone":"UTC","days":["Monday","Friday"],"open":"09:00","close":"17:00","holidays":[]},
         "targets":[{"type":"*","priority":"P1","firstResponse":"01:00:00","resolution":"08:00:00"}],
         "ola":[{"priority":"P1","resolution":"04:00:00"}],
         "departments":[{"code":"billing","priorities":[{"priority":"P1","resolution":"02:00:00"}]}]}
        """)!.AsObject();

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
        // The requests service's SLA policy: a version check and one validation, enough to see the gateway pass both on.
        app.MapGet("/api/sla/policy", () => Results.Text(SlaPolicy.ToJsonString(), "application/json"));
        app.MapPut("/api/sla/policy", (JsonObject body) =>
        {
            var current = (int)SlaPolicy["version"]!;
            if ((int?)body["version"] != current)
                return Results.Problem(statusCode: 409, title: "The SLA policy changed since you read it.",
                    extensions: new Dictionary<string, object?> { ["currentVersion"] = current });
            if ((string?)body["calendar"]?["timeZone"] == "Mars/Olympus_Mons")
                // As the service's Problem.Invalid: the detail repeats the messages, which name their fields.
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["calendar.timeZone"] = ["'calendar.timeZone' is not a known time zone."] },
                    detail: "'calendar.timeZone' is not a known time zone.");
            body["version"] = current + 1;
            body["changedBy"] = "grace";
            body["changedAt"] = "2026-12-04T10:00:00+00:00";
            SlaPolicy = body;
            return Results.Text(body.ToJsonString(), "application/json");
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
