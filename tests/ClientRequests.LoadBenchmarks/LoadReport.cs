using System.Diagnostics;
using System.Text.Json;

namespace ClientRequests.LoadBenchmarks;

public sealed record Percentiles(double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        // Nearest rank: every reported figure is a latency some request really had.
        double At(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new(At(0.50), At(0.95), At(0.99), sorted.Length == 0 ? double.NaN : sorted[^1]);
    }

    public override string ToString() => $"{P50,8:F1} {P95,8:F1} {P99,8:F1} {Max,8:F1}";
}

/// <summary>What one run measured; printed as a table and written as JSON.</summary>
public sealed record LoadReport(
    string Mode, double LoadSeconds, int Sent, int Accepted, long Dropped, double AcceptedPerSecond,
    int CompletedInWindow, double CompletedPerSecond, int CompletedAfterDrain, Percentiles PostMs, Percentiles EndToEndMs,
    IReadOnlyDictionary<string, int> Statuses, double MessagesPublishedPerRequest, double MessagesDeliveredPerRequest,
    double PlatformMessagesPerSecond, RawResult Raw, double RatioToRaw, CpuReport Cpu, string LoadAverageBefore, string LoadAverageAfter)
{
    static double Ms(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    public static LoadReport Build(LoadOptions options, IReadOnlyCollection<Sample> samples, long loadStart, long loadEnd,
        long dropped, QueuedObserver observer, BrokerStats messages, long observedDeliveries, RawResult raw, CpuReport cpu, string loadBefore)
    {
        var seconds = Stopwatch.GetElapsedTime(loadStart, loadEnd).TotalSeconds;
        var accepted = samples.Where(s => s.RequestId is not null).ToArray();
        var completed = accepted
            .Select(s => (Sample: s, At: observer.CompletedAt(s.RequestId!.Value, s.Departments)))
            .Where(c => c.At is not null).ToArray();
        var inWindow = completed.Count(c => c.At <= loadEnd);
        var completedPerSecond = inWindow / seconds;
        // The observer's own queue is one more delivery per WorkItemQueued; it is not the platform's work.
        var published = accepted.Length == 0 ? 0 : (double)messages.Published / accepted.Length;
        var delivered = accepted.Length == 0 ? 0 : (double)(messages.Delivered - observedDeliveries) / accepted.Length;
        var platformRate = published * completedPerSecond;
        return new LoadReport(
            (options.Production ? "PostgreSQL, two instances of every service; " : "SQLite, one instance of each; ") +
            (options.Rate is { } rate ? $"open loop {rate}/s, at most {options.MaxInFlight} in flight" : $"flat out, {options.MaxInFlight} senders"),
            seconds, samples.Count, accepted.Length, dropped, accepted.Length / seconds, inWindow, completedPerSecond, completed.Length,
            Percentiles.Of(accepted.Select(s => Ms(s.SentAt, s.AnsweredAt))),
            Percentiles.Of(completed.Select(c => Ms(c.Sample.SentAt, c.At!.Value))),
            samples.GroupBy(s => s.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            published, delivered, platformRate, raw, raw.ConsumedPerSecond == 0 ? 0 : platformRate / raw.ConsumedPerSecond,
            cpu, loadBefore, LoadAverage());
    }

    /// <summary>The 1-, 5- and 15-minute load averages: the benchmark shares the machine, so say how busy it was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"End-to-end load: {Mode}, {LoadSeconds:F1} s of load, {Environment.ProcessorCount} cores, load average {LoadAverageBefore} -> {LoadAverageAfter}");
        output.WriteLine($"| measure                                  | value");
        output.WriteLine($"| POSTs sent / accepted (201) / dropped     | {Sent} / {Accepted} / {Dropped}");
        output.WriteLine($"| accepted/s                               | {AcceptedPerSecond:F1}");
        output.WriteLine($"| completed/s (queued in every department, within the load window) | {CompletedPerSecond:F1}");
        output.WriteLine($"| completed after drain                    | {CompletedAfterDrain} of {Accepted}");
        output.WriteLine($"| latency ms                               |      p50      p95      p99      max");
        output.WriteLine($"|   POST /api/requests (201)               | {PostMs}");
        output.WriteLine($"|   end to end (POST -> WorkItemQueued)    | {EndToEndMs}");
        output.WriteLine($"| statuses                                 | {string.Join(", ", Statuses.Select(s => $"{s.Key}: {s.Value}"))}");
        output.WriteLine($"| broker messages per request              | {MessagesPublishedPerRequest:F2} published, {MessagesDeliveredPerRequest:F2} delivered");
        output.WriteLine($"| platform messages/s at completed/s       | {PlatformMessagesPerSecond:F0}");
        output.WriteLine($"| raw RabbitMQ.Client publish+consume      | {Raw.PublishedPerSecond:F0} published/s, {Raw.ConsumedPerSecond:F0} consumed/s ({Raw.Seconds:F1} s)");
        output.WriteLine($"| platform / raw message rate              | {RatioToRaw:F3}");
        output.WriteLine($"| CPU during the load                      | ms per accepted request, cores busy");
        foreach (var (part, ms) in Cpu.MsPerRequest)
            output.WriteLine($"|   {part,-38} | {ms,8:F1} ms {Cpu.Cores[part],6:F2}");
        output.WriteLine($"|   the whole machine (every process)      |          {Cpu.MachineCores,9:F2} of {Environment.ProcessorCount}");
    }

    public async Task<string> WriteJsonAsync(string? path)
    {
        path ??= Path.Combine(TestKit.Repository.Root, ".data", "bench", $"load-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(this, new JsonSerializerOptions
        {
            WriteIndented = true,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        }));
        return Path.GetFullPath(path);
    }
}
