using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;

namespace Gateway.Benchmarks;

/// <summary>
/// GraphQL through the real gateway in front of the real services (test kit Platform: a private RabbitMQ node, the
/// four services and the gateway as processes, SQLite files): the dashboard query and a list of 100 requests with
/// their client, account team, health, SLA and work items. Latency one query at a time, and the calls the gateway made
/// to the services for one query, counted from the gateway's own HttpClient log (gRPC and REST calls both go through it).
/// </summary>
public static partial class GraphQLBenchmark
{
    const string Acme = "11111111-1111-1111-1111-111111111111";

    // Sized to pass the gateway's complexity limit (2,000): 100 rows × 9 fields; a row with its SLA, client and account
    // team and every work item's department. Adding more fields per row crosses the limit.
    public const string ListQuery = """
        { requests(first: 100) { nodes { id sla { atRisk } client { name accountTeam { accountManagerId } } workItems { departmentCode } } } }
        """;

    /// <summary>Every figure of the dashboard (ADR 0021), as the console asks for them; pass another one with --dashboard-query.</summary>
    public const string DefaultDashboardQuery = """
        { dashboard(days: 30) {
          backlog { departmentCode departmentName open byStatus { status count } }
          slaByDepartment { key name closed closedWithinSla compliance breachedOpen atRiskOpen }
          slaByClient { key name closed closedWithinSla compliance breachedOpen atRiskOpen }
          cycleTime { fulfilled p50Hours p90Hours p99Hours sampled }
          requestsOverTime { day type count }
          clientHealth { id name health { score band } }
        } }
        """;

    public static async Task RunAsync(int runs, string dashboardQuery)
    {
        Console.WriteLine($"load average at start: {LoadAverage()}");
        await using var node = await RabbitMqNode.StartAsync("gwbench");
        // One caller; the gateway's HttpClient log at Information is what the call count reads.
        await using var platform = await Platform.StartAsync(TestBroker.On(node), new Dictionary<string, string>
        {
            ["Gateway__RateLimit__PermitLimit"] = "10000000",
            ["Logging__LogLevel__System.Net.Http.HttpClient"] = "Information",
        });
        using var alice = platform.GatewayClient(DemoUsers.Alice);
        using var frank = platform.GatewayClient(DemoUsers.Frank); // analyst: the dashboard's reader
        // On an overloaded machine a call can take longer than the kit's 30 s; a slow answer is a figure, not a failure.
        alice.Timeout = frank.Timeout = TimeSpan.FromMinutes(3);

        Console.WriteLine("opening 100 requests for Acme through the gateway");
        for (var i = 1; i <= 100; i++)
        {
            using var opened = await alice.PostAsJsonAsync("api/requests", new
            {
                clientId = Acme, type = "billing", priority = "P3", title = $"GraphQL benchmark request {i}", description = "Opened by tests/Gateway.Benchmarks.",
            });
            opened.EnsureSuccessStatusCode();
        }

        var gateway = platform.Processes["gateway"];
        Console.WriteLine($"{"query",-28} {"p50 ms",8} {"p99 ms",8} {"calls",6}  calls per service method");
        foreach (var (name, http, query) in new[] { ("list of 100 requests", alice, ListQuery), ("dashboard", frank, dashboardQuery) })
        {
            var (ok, error) = await TryAsync(http, query);
            if (!ok)
            {
                Console.WriteLine($"{name,-28} not measured: {error}");
                continue;
            }
            for (var i = 0; i < 20; i++) await TryAsync(http, query);
            var samples = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await TryAsync(http, query);
                samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            samples.Sort();
            var calls = await CountCallsAsync(gateway, () => TryAsync(http, query));
            var byMethod = string.Join(", ", calls.GroupBy(c => c).OrderBy(g => g.Key).Select(g => $"{g.Key} ×{g.Count()}"));
            Console.WriteLine($"{name,-28} {Measure.Percentile(samples, 0.5),8:0.0} {Measure.Percentile(samples, 0.99),8:0.0} {calls.Count,6}  {byMethod}");
        }
        Console.WriteLine($"load average at end: {LoadAverage()}");
    }

    static async Task<(bool Ok, string Error)> TryAsync(HttpClient http, string query)
    {
        using var response = await http.PostAsJsonAsync("graphql", new { query });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        if (!response.IsSuccessStatusCode || body.RootElement.TryGetProperty("errors", out _))
            return (false, $"{(int)response.StatusCode} {body.RootElement}");
        return (true, "");
    }

    /// <summary>The outgoing calls the gateway logged while <paramref name="action"/> ran, as "service/method".</summary>
    static async Task<List<string>> CountCallsAsync(ServiceProcess gateway, Func<Task> action)
    {
        var before = CallsLogged(gateway).Count;
        await action();
        await Task.Delay(1_000); // the console logger writes from its own queue
        return CallsLogged(gateway).Skip(before).ToList();
    }

    static List<string> CallsLogged(ServiceProcess gateway)
    {
        using var reader = new StreamReader(new FileStream(gateway.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
        return StartedCall().Matches(reader.ReadToEnd()).Select(m => m.Groups["target"].Value).ToList();
    }

    // "Start processing HTTP request POST http://_grpc.requests/clientrequests.requests.v1.RequestDirectory/ListRequests"
    [GeneratedRegex(@"Start processing HTTP request \w+ https?://(?:_grpc\.)?(?<target>[^\s?]+)")]
    private static partial Regex StartedCall();

    static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
