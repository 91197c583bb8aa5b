using System.Diagnostics;

namespace Gateway.Benchmarks;

public static class Measure
{
    const string Path = "api/clients/ping";

    public static async Task<(double P50, double P99)> LatencyAsync(HttpClient http, int calls)
    {
        for (var i = 0; i < 500; i++) await CallAsync(http); // warm-up: JIT, connections, token validation caches
        var samples = new double[calls];
        for (var i = 0; i < calls; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await CallAsync(http);
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
        }
        Array.Sort(samples);
        return (samples[calls / 2], samples[Math.Min(calls - 1, (int)(calls * 0.99))]);
    }

    public static async Task<double> ThroughputAsync(HttpClient http, TimeSpan duration, int inFlight)
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
        return completed / clock.Elapsed.TotalSeconds;
    }

    static async Task CallAsync(HttpClient http)
    {
        using var response = await http.GetAsync(Path);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }
}
