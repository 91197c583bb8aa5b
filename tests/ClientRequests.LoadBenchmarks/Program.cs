using System.Diagnostics;
using System.Runtime.InteropServices;
using ClientRequests.LoadBenchmarks;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;

// dotnet run -c Release --project tests/ClientRequests.LoadBenchmarks -- --rate 150 --seconds 30   (or --rate max; --production)
LoadOptions options;
try { options = LoadOptions.Parse(args); }
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine($"{e.Message}\nusage: {LoadOptions.Usage}");
    return 2;
}

using var stop = new CancellationTokenSource();
// Ctrl+C and SIGTERM cancel the run instead of ending the process, so the broker and the five processes
// are stopped by the disposals below and never outlive the benchmark.
void Stop(PosixSignalContext signal)
{
    signal.Cancel = true;
    Console.Error.WriteLine($"{signal.Signal}: stopping the platform and the broker...");
    stop.Cancel();
}
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

try
{
    await RunAsync(options, stop.Token);
    return 0;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Interrupted: everything the benchmark started has been stopped.");
    return 130;
}

static async Task RunAsync(LoadOptions options, CancellationToken stop)
{
    var loadBefore = LoadReport.LoadAverage();
    Log($"starting a private RabbitMQ node (load average {loadBefore})");
    await using var node = await RabbitMqNode.StartAsync("load");
    var broker = TestBroker.On(node);
    stop.ThrowIfCancellationRequested();
    // The benchmark signs in as one user: the gateway's per-caller limit would measure itself, not the platform.
    var settings = new Dictionary<string, string> { ["Gateway__RateLimit__PermitLimit"] = "10000000" };
    await using var postgres = options.Production ? await PostgresServer.StartAsync("load") : null;
    Log(options.Production
        ? "starting two instances each of clients, departments, requests and notifications on a private PostgreSQL, and the gateway"
        : "starting clients, departments, requests, notifications and the gateway (Release build output, SQLite)");
    await using var platform = postgres is not null
        ? await Platform.StartProductionShapeAsync(broker, settings, postgres)
        : await Platform.StartAsync(broker, settings);
    stop.ThrowIfCancellationRequested();
    await using var observer = await QueuedObserver.StartAsync(platform.AmqpUri);
    using var gateway = platform.GatewayClient(DemoUsers.Alice);

    // Long enough for the tiered JIT to finish recompiling the hot paths: with 2 s, the JIT of five processes took
    // most of the CPU during the load (docs/benchmarks.md); the figures are for a platform that has been running.
    Log($"warming up: {options.WarmUpSeconds} s at 25 requests/s");
    var warmUp = new LoadGenerator(gateway, options with { Rate = 25, MaxInFlight = 8 });
    await warmUp.RunAsync(TimeSpan.FromSeconds(options.WarmUpSeconds), stop);
    if (!await DrainAsync(warmUp.Samples, observer, TimeSpan.FromSeconds(30), stop))
        throw new InvalidOperationException("warm-up requests never reached their departments:\n" + platform.Logs());

    Log($"raw RabbitMQ.Client publish+consume for {options.RawSeconds} s on its own virtual host");
    var raw = await RawBrokerBenchmark.RunAsync(await broker.NewVirtualHostAsync("raw"), TimeSpan.FromSeconds(options.RawSeconds), stop);
    stop.ThrowIfCancellationRequested();
    // The raw run took longer than the statistics refresh, so this reading includes all of the warm-up.
    var before = await BrokerStats.ReadAsync(node.ManagementUri, platform.VirtualHost);
    var observedBefore = observer.Received;

    Log($"load: {(options.Rate is { } r ? $"{r}/s" : "flat out")} for {options.Seconds} s");
    var load = new LoadGenerator(gateway, options);
    var cpu = new CpuReport.Meter(platform.Processes.ToDictionary(p => p.Key, p => p.Value.ProcessId)
        .Append(new("broker", node.ProcessId ?? 0))
        .Concat(postgres?.ProcessId is { } database ? [new KeyValuePair<string, int>("postgresql", database)] : [])
        .ToDictionary());
    var loadStart = Stopwatch.GetTimestamp();
    await load.RunAsync(TimeSpan.FromSeconds(options.Seconds), stop);
    var loadEnd = Stopwatch.GetTimestamp();
    var cpuUsed = cpu.Stop(Stopwatch.GetElapsedTime(loadStart, loadEnd).TotalSeconds, load.Samples.Count(s => s.RequestId is not null));
    stop.ThrowIfCancellationRequested();

    Log("draining: waiting up to 30 s for every accepted request to be queued");
    await DrainAsync(load.Samples, observer, TimeSpan.FromSeconds(30), stop);
    await Task.Delay(BrokerStats.Refresh, stop);
    var messages = await BrokerStats.ReadAsync(node.ManagementUri, platform.VirtualHost) - before;

    var report = LoadReport.Build(options, load.Samples, loadStart, loadEnd, load.Dropped, observer, messages,
        observer.Received - observedBefore, raw, cpuUsed, loadBefore);
    report.Print(Console.Out);
    Console.WriteLine($"JSON: {await report.WriteJsonAsync(options.Output)}");
    Log("stopping the platform and the broker");
}

static async Task<bool> DrainAsync(IReadOnlyCollection<Sample> samples, QueuedObserver observer, TimeSpan timeout, CancellationToken stop)
{
    var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
    var accepted = samples.Where(s => s.RequestId is not null).ToArray();
    while (Stopwatch.GetTimestamp() < deadline)
    {
        if (accepted.All(s => observer.CompletedAt(s.RequestId!.Value, s.Departments) is not null)) return true;
        await Task.Delay(100, stop);
    }
    return false;
}

static void Log(string message) => Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] {message}");
