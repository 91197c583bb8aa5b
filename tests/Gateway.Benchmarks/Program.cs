using System.Net.Http.Headers;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using Gateway.Benchmarks;

// A tiny GET answered by a loopback backend, called direct and through the gateway (a separate process, JWT checked,
// rate limiter, correlation id, YARP): latency one call at a time, and throughput with 32 calls in flight.
// Usage: dotnet run -c Release --project tests/Gateway.Benchmarks -- [sequential calls] [seconds per throughput run]
var calls = args.Length > 0 ? int.Parse(args[0]) : 5_000;
var seconds = args.Length > 1 ? int.Parse(args[1]) : 5;

await using var backend = await PingBackend.StartAsync();
var gatewayAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
var logs = Path.Combine(Path.GetTempPath(), "gateway-benchmark-" + Guid.NewGuid().ToString("N"));
await using var gateway = await ServiceProcess.StartAsync("gateway", "gateway/ClientRequests.Gateway", "ClientRequests.Gateway", gatewayAddress,
    new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Auth__SigningKey"] = Tokens.SigningKey,
        ["Kestrel__Endpoints__Http__Url"] = gatewayAddress.ToString().TrimEnd('/'),
        ["services__clients__http__0"] = backend.Address,
        // The benchmark is one caller: the per-caller limit would measure the limiter, not the proxy.
        ["Gateway__RateLimit__PermitLimit"] = "100000000",
        ["Logging__LogLevel__Default"] = "Warning",
    }, logs);

using var direct = new HttpClient { BaseAddress = new Uri(backend.Address) };
using var proxied = new HttpClient { BaseAddress = gatewayAddress };
proxied.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.For(DemoUsers.Alice));

var directLatency = await Measure.LatencyAsync(direct, calls);
var gatewayLatency = await Measure.LatencyAsync(proxied, calls);
var directRate = await Measure.ThroughputAsync(direct, TimeSpan.FromSeconds(seconds), inFlight: 32);
var gatewayRate = await Measure.ThroughputAsync(proxied, TimeSpan.FromSeconds(seconds), inFlight: 32);

Console.WriteLine($"{"path",-10} {"p50 µs",9} {"p99 µs",9} {"req/s (32 in flight)",22}");
Console.WriteLine($"{"direct",-10} {directLatency.P50,9:0} {directLatency.P99,9:0} {directRate,22:0}");
Console.WriteLine($"{"gateway",-10} {gatewayLatency.P50,9:0} {gatewayLatency.P99,9:0} {gatewayRate,22:0}");
Console.WriteLine($"added p50: {gatewayLatency.P50 - directLatency.P50:0} µs; throughput ratio gateway/direct: {gatewayRate / directRate:0.00}");
try { Directory.Delete(logs, recursive: true); } catch (IOException) { }
