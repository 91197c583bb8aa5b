using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ClientRequests.ServiceDiscovery.Eureka.Tests;

/// <summary>
/// Eureka's REST contract on real Kestrel (127.0.0.1): 204 on register, 200 on renew, status and cancel,
/// 404 for unknown instances, full registry and a delta of recent changes with actionType and apps__hashcode.
/// </summary>
public sealed class FakeEurekaServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _instances = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<JsonObject> _recentChanges = [];
    private WebApplication? _app;

    public FakeEurekaServer(int port = 0) => Port = port == 0 ? TestPorts.Free() : port;

    public int Port { get; }
    public string ServiceUrl => $"http://127.0.0.1:{Port}/eureka/";
    public ConcurrentQueue<string> Requests { get; } = new();
    public ConcurrentQueue<JsonObject> Registrations { get; } = new();
    public FetchMode Mode { get; set; }
    public bool CorruptDeltaHash { get; set; }
    public int FailedFetches;

    public int Count(string prefix) => Requests.Count(r => r.StartsWith(prefix, StringComparison.Ordinal));

    public int FullFetches => Requests.Count(r => r == "GET /eureka/apps/");

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, Port));
        var app = builder.Build();
        app.Use(async (context, next) =>
        {
            Requests.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            await next(context);
            if (context.Response.StatusCode == 404) Requests.Enqueue($"404 {context.Request.Method} {context.Request.Path}");
        });
        var eureka = app.MapGroup("/eureka/apps");
        eureka.MapPost("/{app}", Register);
        eureka.MapPut("/{app}/{id}/status", (string app, string id, string value) => Update(app, id, value));
        eureka.MapPut("/{app}/{id}", (string app, string id) => Update(app, id, null));
        eureka.MapDelete("/{app}/{id}", Cancel);
        eureka.MapGet("/", (CancellationToken ct) => Fetch(ct, Snapshot(_instances.Values, delta: false)));
        eureka.MapGet("/delta", (CancellationToken ct) => Fetch(ct, Snapshot(_recentChanges, delta: true)));
        await app.StartAsync();
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.DisposeAsync();
        }
    }

    /// <summary>Adds (or replaces) an instance as another service would, recording it in the delta.</summary>
    public void Put(string app, string id, int port, string status = "UP", int? grpcPort = null, string host = "127.0.0.1")
    {
        var metadata = new JsonObject();
        if (grpcPort is { } g) metadata["grpcPort"] = g.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Store(new JsonObject
        {
            ["instanceId"] = id, ["app"] = app.ToUpperInvariant(), ["hostName"] = host, ["ipAddr"] = host,
            ["status"] = status, ["port"] = new JsonObject { ["$"] = port, ["@enabled"] = "true" },
            ["securePort"] = new JsonObject { ["$"] = 443, ["@enabled"] = "false" }, ["metadata"] = metadata,
        }, "ADDED");
    }

    public void SetStatus(string app, string id, string status) => Update(app, id, status);

    public void Remove(string app, string id)
    {
        lock (_gate)
        {
            if (_instances.Remove(Key(app, id), out var gone)) Record(gone, "DELETED");
        }
    }

    public JsonObject? Find(string app, string id)
    {
        lock (_gate) return _instances.TryGetValue(Key(app, id), out var i) ? (JsonObject)i.DeepClone() : null;
    }

    private IResult Register(string app, JsonObject body)
    {
        var instance = (JsonObject)body["instance"]!;
        Registrations.Enqueue((JsonObject)instance.DeepClone());
        instance["app"] = app.ToUpperInvariant();
        Store(instance, "ADDED");
        return Results.NoContent();
    }

    private IResult Update(string app, string id, string? status)
    {
        lock (_gate)
        {
            if (!_instances.TryGetValue(Key(app, id), out var instance)) return Results.NotFound();
            if (status is not null && (string?)instance["status"] != status)
            {
                instance["status"] = status;
                Record(instance, "MODIFIED");
            }

            return Results.Ok();
        }
    }

    private IResult Cancel(string app, string id)
    {
        lock (_gate)
        {
            if (!_instances.ContainsKey(Key(app, id))) return Results.NotFound();
        }

        Remove(app, id);
        return Results.Ok();
    }

    private async Task<IResult> Fetch(CancellationToken aborted, JsonObject applications)
    {
        switch (Mode)
        {
            case FetchMode.ServerError:
                Interlocked.Increment(ref FailedFetches);
                return Results.StatusCode(503);
            case FetchMode.Malformed:
                Interlocked.Increment(ref FailedFetches);
                return Results.Text("{\"applications\": {\"application\": [ {\"name\": ", "application/json");
            case FetchMode.Slow:
                Interlocked.Increment(ref FailedFetches);
                await Task.Delay(TimeSpan.FromSeconds(5), aborted).ContinueWith(_ => { }, TaskScheduler.Default);
                break;
        }

        return Results.Text(applications.ToJsonString(), "application/json");
    }

    private JsonObject Snapshot(IEnumerable<JsonObject> source, bool delta)
    {
        lock (_gate)
        {
            var apps = new JsonArray();
            foreach (var group in source.GroupBy(i => (string)i["app"]!))
            {
                apps.Add(new JsonObject
                {
                    ["name"] = group.Key,
                    ["instance"] = new JsonArray(group.Select(i => (JsonNode)i.DeepClone()).ToArray()),
                });
            }

            // Eureka's reconcile hash: counts per status, statuses in alphabetical order.
            var hash = string.Concat(_instances.Values.GroupBy(i => (string)i["status"]!).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key}_{g.Count()}_"));
            return new JsonObject
            {
                ["applications"] = new JsonObject
                {
                    ["versions__delta"] = "1",
                    ["apps__hashcode"] = delta && CorruptDeltaHash ? "UP_999_" : hash,
                    ["application"] = apps,
                },
            };
        }
    }

    private void Store(JsonObject instance, string action)
    {
        lock (_gate)
        {
            _instances[Key((string)instance["app"]!, (string)instance["instanceId"]!)] = instance;
            Record(instance, action);
        }
    }

    private void Record(JsonObject instance, string action)
    {
        var change = (JsonObject)instance.DeepClone();
        change["actionType"] = action;
        _recentChanges.RemoveAll(c => (string?)c["instanceId"] == (string?)instance["instanceId"]);
        _recentChanges.Add(change);
    }

    private static string Key(string app, string id) => $"{app.ToUpperInvariant()}/{id}";

    public ValueTask DisposeAsync() => new(StopAsync());
}
