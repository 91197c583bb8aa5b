using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace ClientRequests.LoadBenchmarks;

/// <summary>One POST: when it left, when it was answered, how, and how many departments it must reach.</summary>
public sealed record Sample(long SentAt, long AnsweredAt, string Status, Guid? RequestId, int Departments);

/// <summary>Opens requests through the gateway: on a schedule (open loop) or as fast as the senders go.</summary>
public sealed class LoadGenerator(HttpClient gateway, LoadOptions options)
{
    const string Acme = "11111111-1111-1111-1111-111111111111";
    readonly ConcurrentQueue<Sample> samples = new();
    int inFlight;
    long sequence;

    public IReadOnlyCollection<Sample> Samples => samples;
    public long Dropped { get; private set; }

    /// <summary>Runs for <paramref name="duration"/>; returns when the last outstanding POST is answered.</summary>
    public async Task RunAsync(TimeSpan duration, CancellationToken cancel)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        if (options.Rate is { } rate) await OpenLoopAsync(rate, end, cancel);
        else await Task.WhenAll(Enumerable.Range(0, options.MaxInFlight).Select(_ => SenderAsync(end, cancel)));
        // Interrupted, the outstanding POSTs are abandoned: the platform is about to be stopped under them.
        while (Volatile.Read(ref inFlight) > 0 && !cancel.IsCancellationRequested) await Task.Delay(10, CancellationToken.None);
    }

    // Open loop: requests leave on schedule whether or not earlier ones were answered, so a slow platform shows
    // up as latency (and, past the in-flight bound, as dropped slots) instead of silently lowering the rate.
    async Task OpenLoopAsync(double rate, long end, CancellationToken cancel)
    {
        var start = Stopwatch.GetTimestamp();
        for (long slot = 0; !cancel.IsCancellationRequested; slot++)
        {
            var due = start + (long)(slot * Stopwatch.Frequency / rate);
            if (due >= end) break;
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait, CancellationToken.None);
            if (Volatile.Read(ref inFlight) >= options.MaxInFlight) { Dropped++; continue; }
            Interlocked.Increment(ref inFlight);
            _ = SendTrackedAsync();
        }
    }

    async Task SendTrackedAsync()
    {
        try { await SendAsync(); }
        finally { Interlocked.Decrement(ref inFlight); }
    }

    async Task SenderAsync(long end, CancellationToken cancel)
    {
        while (!cancel.IsCancellationRequested && Stopwatch.GetTimestamp() < end)
        {
            Interlocked.Increment(ref inFlight);
            try { await SendAsync(); }
            finally { Interlocked.Decrement(ref inFlight); }
        }
    }

    public async Task SendAsync()
    {
        var n = Interlocked.Increment(ref sequence);
        // Spread the contract changes evenly instead of randomly, so two runs send the same mix.
        var contractChange = options.ContractChangeShare > 0 &&
            Math.Floor(n * options.ContractChangeShare) > Math.Floor((n - 1) * options.ContractChangeShare);
        var body = new
        {
            clientId = Acme,
            type = contractChange ? "contract-change" : "billing",
            priority = "P3",
            title = $"Load benchmark request {n}",
            description = "Opened by tests/ClientRequests.LoadBenchmarks.",
        };
        var sentAt = Stopwatch.GetTimestamp();
        try
        {
            using var response = await gateway.PostAsJsonAsync("api/requests", body);
            Guid? id = null;
            if (response.IsSuccessStatusCode)
            {
                using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
                id = json.RootElement.GetProperty("id").GetGuid();
            }
            samples.Enqueue(new Sample(sentAt, Stopwatch.GetTimestamp(), ((int)response.StatusCode).ToString(), id, contractChange ? 2 : 1));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            samples.Enqueue(new Sample(sentAt, Stopwatch.GetTimestamp(), e.GetType().Name, null, contractChange ? 2 : 1));
        }
    }
}
