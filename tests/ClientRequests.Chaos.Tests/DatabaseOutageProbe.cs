using System.Diagnostics;
using System.Globalization;
using ClientRequests.TestKit;

namespace ClientRequests.Chaos.Tests;

/// <summary>
/// Watches the platform while its database is away: asks every replica of every database-backed service for readiness
/// once a second, and keeps the window in which answers to the load are judged (from a few seconds after the database
/// went, when the requests in flight have had their answer, to its return).
/// </summary>
public sealed class DatabaseOutageProbe
{
    // Requests already past their database work when it went still answer as usual.
    static readonly TimeSpan InFlightGrace = TimeSpan.FromSeconds(3);

    readonly HashSet<string> unready = [];
    readonly string[] replicas;

    DatabaseOutageProbe(string[] replicas, DateTimeOffset from) => (this.replicas, From) = (replicas, from + InFlightGrace);

    public DateTimeOffset From { get; }
    public DateTimeOffset Until { get; private set; }
    public bool EveryReplicaUnready => replicas.All(unready.Contains);

    /// <summary>Probes for <paramref name="outage"/> and returns what it saw; the caller brings the database back afterwards.</summary>
    public static async Task<DatabaseOutageProbe> WatchAsync(Platform platform, TimeSpan outage)
    {
        var services = Platform.Services.Select(s => s.Name).ToHashSet();
        var processes = platform.Processes.Values.Where(p => services.Contains(p.Name.Split('-')[0])).ToList();
        var probe = new DatabaseOutageProbe(processes.Select(p => p.Name).ToArray(), DateTimeOffset.UtcNow);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < outage)
        {
            await Task.WhenAll(processes.Select(async p =>
            {
                try
                {
                    using var response = await http.GetAsync(new Uri(p.HttpAddress, "health/ready"));
                    if (!response.IsSuccessStatusCode) lock (probe.unready) probe.unready.Add(p.Name);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // No answer at all is not the readiness answer being looked for: a restart would look the same.
                }
            }));
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        probe.Until = DateTimeOffset.UtcNow;
        return probe;
    }

    public IReadOnlyList<Attempt> AnswersDuring(IEnumerable<Attempt> attempts) =>
        attempts.Where(a => a.AnsweredAt >= From && a.AnsweredAt < Until).OrderBy(a => a.Number).ToList();

    public string Describe(IReadOnlyList<Attempt> answers) => string.Create(CultureInfo.InvariantCulture,
        $"Database away {(Until - From + InFlightGrace).TotalSeconds:F0} s: {unready.Count} of {replicas.Length} replicas reported not ready; " +
        $"{answers.Count} answers in {(Until - From).TotalSeconds:F0} s after the first {InFlightGrace.TotalSeconds:F0} s, " +
        $"{answers.Count(a => a.Status == 503 && a.RetryAfter)} of them 503 with Retry-After");
}
