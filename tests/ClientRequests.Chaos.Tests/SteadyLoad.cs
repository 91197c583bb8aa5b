using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ClientRequests.Chaos.Tests;

/// <summary>What one attempt to open a request ended in, as the client saw it.</summary>
public enum Outcome
{
    /// <summary>201: the platform promised to route it.</summary>
    Accepted,
    /// <summary>A ProblemDetails (4xx, or a service's 503) that says nothing was recorded.</summary>
    Refused,
    /// <summary>No answer, a proxy's 502/504, or a 500: it may or may not have been recorded.</summary>
    Indeterminate,
}

public sealed record Attempt(int Number, string ExternalReference, Outcome Outcome, int? Status, Guid? RequestId,
    IReadOnlyList<string> Departments, bool RetryAfter, string? Error)
{
    /// <summary>When the answer (or the failure) came.</summary>
    public DateTimeOffset AnsweredAt { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>
/// Opens requests through the gateway at a fixed rate in the background, never waiting for one answer before the
/// next attempt is due (a slow or failing platform must not slow the load down), and records every outcome.
/// Each attempt carries a unique external reference, so the reconciler can find it in the databases.
/// </summary>
public sealed class SteadyLoad : IAsyncDisposable
{
    static readonly string[] Types = ["billing", "contract-change", "complaint"];
    static readonly Guid Acme = Guid.Parse("11111111-1111-1111-1111-111111111111");

    readonly HttpClient gateway;
    readonly string runId = Guid.NewGuid().ToString("N")[..8];
    readonly ConcurrentBag<Attempt> attempts = [];
    readonly ConcurrentDictionary<Task, byte> inFlight = new();
    readonly CancellationTokenSource stop = new();
    readonly Task loop;

    public SteadyLoad(HttpClient gateway, double requestsPerSecond)
    {
        this.gateway = gateway;
        loop = Task.Run(() => RunAsync(TimeSpan.FromSeconds(1 / requestsPerSecond)));
    }

    public IReadOnlyCollection<Attempt> Attempts => attempts;

    public int Count(Outcome outcome) => attempts.Count(a => a.Outcome == outcome);

    async Task RunAsync(TimeSpan interval)
    {
        var clock = Stopwatch.StartNew();
        for (var number = 1; !stop.IsCancellationRequested; number++)
        {
            var due = interval * number;
            if (due > clock.Elapsed)
            {
                try { await Task.Delay(due - clock.Elapsed, stop.Token); }
                catch (OperationCanceledException) { return; }
            }
            var attempt = OpenAsync(number);
            inFlight[attempt] = 0;
            _ = attempt.ContinueWith(t => inFlight.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    async Task OpenAsync(int number)
    {
        var reference = $"chaos-{runId}-{number}";
        try
        {
            using var response = await gateway.PostAsJsonAsync("api/requests", new
            {
                clientId = Acme,
                type = Types[number % Types.Length],
                priority = "P3",
                title = $"Chaos request {number}",
                description = "Opened under faults by the chaos suite.",
                externalReference = reference,
            });
            var body = await response.Content.ReadAsStringAsync();
            var retryAfter = response.Headers.RetryAfter is not null;
            var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            if (response.StatusCode == HttpStatusCode.Created)
            {
                using var json = JsonDocument.Parse(body);
                var departments = json.RootElement.GetProperty("workItems").EnumerateArray()
                    .Select(w => w.GetProperty("departmentCode").GetString()!).ToList();
                attempts.Add(new(number, reference, Outcome.Accepted, 201, json.RootElement.GetProperty("id").GetGuid(), departments, retryAfter, null));
                return;
            }
            // A service's own 4xx or 503 ProblemDetails means nothing was written; a 500, or a proxy's 502/504
            // (the service died mid-request), may have come after the commit.
            var code = (int)response.StatusCode;
            var outcome = isProblem && (code < 500 || code == 503) ? Outcome.Refused : Outcome.Indeterminate;
            attempts.Add(new(number, reference, outcome, code, null, [], retryAfter, body.Length > 300 ? body[..300] : body));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            attempts.Add(new(number, reference, Outcome.Indeterminate, null, null, [], false, e.GetType().Name + ": " + e.Message));
        }
    }

    /// <summary>Stops opening requests and waits for the answers still outstanding.</summary>
    public async Task StopAsync()
    {
        await stop.CancelAsync();
        await loop;
        await Task.WhenAll(inFlight.Keys);
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested) await StopAsync();
        stop.Dispose();
    }
}
