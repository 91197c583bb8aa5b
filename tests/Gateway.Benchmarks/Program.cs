using ClientRequests.TestKit;
using Gateway.Benchmarks;

// A tiny GET answered by a loopback backend, called direct, through a bare YARP and through the gateway (separate
// processes: as shipped, and with one suspect switched off each), interleaved in rounds so the shared machine's noise
// falls on every path alike: latency one call at a time, throughput with 32 calls in flight, and the CPU time each
// proxy process spent per call during the throughput run (the least noisy figure on a shared machine).
// Usage: dotnet run -c Release --project tests/Gateway.Benchmarks -- [calls per round] [seconds per round]
//        [--rounds N] [--before <folder of an earlier gateway build>] [--soak <seconds> <target>]
//        dotnet run -c Release --project tests/Gateway.Benchmarks -- graphql [runs] [--dashboard-query <file>]
if (Environment.GetEnvironmentVariable(BareProxy.BackendVariable) is { } bareProxyBackend)
{
    await BareProxy.RunAsync(bareProxyBackend);
    return;
}

if (args.FirstOrDefault() == "graphql")
{
    var dashboard = args.SkipWhile(a => a != "--dashboard-query").Skip(1).FirstOrDefault() is { } file ? File.ReadAllText(file) : GraphQLBenchmark.DefaultDashboardQuery;
    await GraphQLBenchmark.RunAsync(args.Skip(1).FirstOrDefault() is { } n && int.TryParse(n, out var runs) ? runs : 200, dashboard);
    return;
}

var options = Options.Parse(args);
Console.WriteLine($"load average at start: {LoadAverage()}");
await using var backend = await PingBackend.StartAsync();
var logs = Path.Combine(Path.GetTempPath(), "gateway-benchmark-" + Guid.NewGuid().ToString("N"));
var targets = await Targets.StartAsync(backend, options.Before, logs);
try
{
    foreach (var target in targets) await Measure.WarmUpAsync(target.Http);

    if (options.SoakSeconds > 0)
    {
        // For a profiler: load one target for a while (its pid is printed), nothing is measured.
        var soaked = targets.Single(t => t.Name == options.SoakTarget);
        Console.WriteLine($"soaking '{soaked.Name}' (pid {soaked.Process?.ProcessId}) for {options.SoakSeconds} s");
        _ = await Measure.ThroughputAsync(soaked.Http, TimeSpan.FromSeconds(options.SoakSeconds), inFlight: 32);
        return;
    }

    var rounds = new List<Dictionary<string, (double P50, double P99, double Rate, double CpuPerCall)>>();
    for (var round = 1; round <= options.Rounds; round++)
    {
        var figures = new Dictionary<string, (double, double, double, double)>();
        foreach (var target in targets)
        {
            var samples = await Measure.LatencyAsync(target.Http, options.Calls);
            var cpuBefore = target.Process is null ? TimeSpan.Zero : Measure.CpuTime(target.Process.ProcessId);
            var (rate, calls) = await Measure.ThroughputAsync(target.Http, TimeSpan.FromSeconds(options.Seconds), inFlight: 32);
            var cpuPerCall = target.Process is null ? 0 : (Measure.CpuTime(target.Process.ProcessId) - cpuBefore).TotalMicroseconds / calls;
            figures[target.Name] = (Measure.Percentile(samples, 0.5), Measure.Percentile(samples, 0.99), rate, cpuPerCall);
        }
        rounds.Add(figures);
        Console.WriteLine($"round {round} done, load average {LoadAverage()}");
    }

    Console.WriteLine();
    Console.WriteLine($"medians of {options.Rounds} rounds ({options.Calls} sequential calls, {options.Seconds} s with 32 in flight, per target per round)");
    Console.WriteLine($"{"path",-24} {"p50 µs",8} {"p99 µs",8} {"added p50 µs",13} {"req/s",8} {"ratio",6} {"proxy CPU µs/call",18}");
    foreach (var target in targets)
    {
        var p50 = Measure.Median(rounds.Select(r => r[target.Name].P50));
        var p99 = Measure.Median(rounds.Select(r => r[target.Name].P99));
        var rate = Measure.Median(rounds.Select(r => r[target.Name].Rate));
        var added = Measure.Median(rounds.Select(r => r[target.Name].P50 - r["direct"].P50));
        var ratio = Measure.Median(rounds.Select(r => r[target.Name].Rate / r["direct"].Rate));
        var cpu = Measure.Median(rounds.Select(r => r[target.Name].CpuPerCall));
        Console.WriteLine($"{target.Name,-24} {p50,8:0} {p99,8:0} {added,13:0} {rate,8:0} {ratio,6:0.00} {cpu,18:0}");
    }
    Console.WriteLine($"load average at end: {LoadAverage()}");
}
finally
{
    foreach (var target in targets)
    {
        target.Http.Dispose();
        if (target.Process is not null) await target.Process.DisposeAsync();
    }
    try { Directory.Delete(logs, recursive: true); } catch (IOException) { }
}

static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

sealed record Options(int Calls, int Seconds, int Rounds, string? Before, int SoakSeconds, string? SoakTarget)
{
    public static Options Parse(string[] args)
    {
        var positional = new List<int>();
        int rounds = 3, soak = 0;
        string? before = null, soakTarget = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rounds": rounds = int.Parse(args[++i]); break;
                case "--before": before = args[++i]; break;
                case "--soak": soak = int.Parse(args[++i]); soakTarget = args[++i]; break;
                default: positional.Add(int.Parse(args[i])); break;
            }
        }
        return new Options(positional.ElementAtOrDefault(0) is > 0 and var c ? c : 2_000, positional.ElementAtOrDefault(1) is > 0 and var s ? s : 3,
            rounds, before, soak, soakTarget);
    }
}
