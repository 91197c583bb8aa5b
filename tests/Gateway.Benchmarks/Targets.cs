using System.Net.Http.Headers;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;

namespace Gateway.Benchmarks;

/// <summary>One way to reach the ping endpoint: direct, or through one proxy process set up one way.</summary>
public sealed record Target(string Name, HttpClient Http, ServiceProcess? Process);

/// <summary>
/// The gateway as shipped and the variants that each switch one suspect off from the outside (environment only, so
/// the gateway has no switch that weakens it): telemetry, JWT validation, service discovery; plus a bare YARP as the
/// reference hop and, when given, an earlier build of the gateway.
/// </summary>
public static class Targets
{
    public static async Task<List<Target>> StartAsync(PingBackend backend, string? beforeBuild, string logs)
    {
        var token = Tokens.For(DemoUsers.Alice);
        var targets = new List<Target> { new("direct", new HttpClient { BaseAddress = new Uri(backend.Address) }, null) };

        async Task AddAsync(string name, string dll, IReadOnlyDictionary<string, string> environment, bool signedIn)
        {
            var address = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
            var settings = new Dictionary<string, string>(environment) { ["Kestrel__Endpoints__Http__Url"] = address.ToString().TrimEnd('/') };
            var process = await ServiceProcess.StartDllAsync(name.Replace(' ', '-').Replace(",", ""), dll, address, settings, logs);
            var http = new HttpClient { BaseAddress = address };
            if (signedIn) http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            targets.Add(new Target(name, http, process));
        }

        var self = typeof(Targets).Assembly.Location;
        await AddAsync("bare YARP", self, new Dictionary<string, string> { [BareProxy.BackendVariable] = backend.Address }, signedIn: false);

        var gateway = Path.Combine(Repository.Root, "gateway/ClientRequests.Gateway/bin", Repository.Configuration, "net10.0/ClientRequests.Gateway.dll");
        var shipped = GatewaySettings(backend);
        await AddAsync("gateway", gateway, shipped, signedIn: true);
        if (beforeBuild is not null)
            await AddAsync("gateway, before", Path.Combine(beforeBuild, "ClientRequests.Gateway.dll"), shipped, signedIn: true);
        // OTEL_SDK_DISABLED is the OpenTelemetry SDK's own switch: no tracer, meter or logger provider at all.
        await AddAsync("gateway, no OTel", gateway, With(shipped, ("OTEL_SDK_DISABLED", "true")), signedIn: true);
        // YARP's "anonymous" policy on the route; the caller sends no token, so nothing is validated.
        await AddAsync("gateway, no JWT", gateway, With(shipped, ("ReverseProxy__Routes__clients-api__AuthorizationPolicy", "anonymous")), signedIn: false);
        // The destination as an address instead of the logical name service discovery resolves.
        await AddAsync("gateway, fixed address", gateway, With(shipped, ("ReverseProxy__Clusters__clients__Destinations__primary__Address", backend.Address)), signedIn: true);
        // Runtime settings, as environment variables: workstation GC (one heap, no GC threads per core) and a thread
        // pool that does not spin waiting for work, both of which matter when the cores are shared.
        await AddAsync("gateway, workstation GC", gateway, With(shipped, ("DOTNET_gcServer", "0")), signedIn: true);
        await AddAsync("gateway, no pool spin", gateway, With(shipped, ("DOTNET_ThreadPool_UnfairSemaphoreSpinLimit", "0")), signedIn: true);
        return targets;
    }

    /// <summary>Production settings; the rate limit is lifted because the benchmark is one caller (the limiter still runs).</summary>
    static Dictionary<string, string> GatewaySettings(PingBackend backend) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Auth__Authority"] = TestAuthority.Issuer.ToString(),
        ["services__clients__http__0"] = backend.Address,
        ["Gateway__RateLimit__PermitLimit"] = "100000000",
    };

    static Dictionary<string, string> With(Dictionary<string, string> settings, params (string Key, string Value)[] changes)
    {
        var copy = new Dictionary<string, string>(settings);
        foreach (var (key, value) in changes) copy[key] = value;
        return copy;
    }
}
