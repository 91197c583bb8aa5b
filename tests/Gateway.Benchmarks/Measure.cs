using System.Diagnostics;

namespace Gateway.Benchmarks;

public static class Measure
{
    const string Path = "api/clients/ping";

    public static async Task WarmUpAsync(HttpClient http)
    {
        for (var i = 0; i < 500; i++) await CallAsync(http); // JIT, connections, token validation caches
    }

    /// <summary>Calls one at a time: the time each one takes, in µs, sorted.</summary>
    public static async Task<double[]> LatencyAsync(HttpClient http, int calls)
    {
        var samples = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await CallAsync(http);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }
        Array.Sort(samples);
        return samples;
    }

    /// <summary>Calls with <paramref name="inFlight"/> outstanding for a while: calls per second, and how many were made.</summary>
    public static async Task<(double Rate, long Calls)> ThroughputAsync(HttpClient http, TimeSpan duration, int inFlight)
    {
        var completed = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                await CallAsync(http);
                Interlocked.Increment(ref completed);
            }
        }));
        return (completed / clock.Elapsed.TotalSeconds, completed);
    }

    /// <summary>CPU time a process has used so far (user and kernel), however busy the rest of the machine is.</summary>
    public static TimeSpan CpuTime(int processId)
    {
        using var process = System.Diagnostics.Process.GetProcessById(processId);
        return process.TotalProcessorTime;
    }

    public static double Percentile(IReadOnlyList<double> sorted, double share) =>
        sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * share))];

    public static double Median(IEnumerable<double> values) => Percentile(values.Order().ToList(), 0.5);

    static async Task CallAsync(HttpClient http)
    {
        using var response = await http.GetAsync(Path);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }
}
