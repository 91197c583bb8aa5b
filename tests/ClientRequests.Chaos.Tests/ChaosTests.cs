using System.Diagnostics;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;

namespace ClientRequests.Chaos.Tests;

/// <summary>
/// Steady load through the gateway while the broker is killed (-9) and stopped gracefully, and the two consuming
/// services are killed (-9) mid-flow, each restarted on the same ports and data. Then the platform settles and
/// the databases are reconciled against every answer the clients got. Short by default; <c>CLIENTREQUESTS_CHAOS=long</c>
/// runs three rounds (docs/reliability.md).
/// </summary>
// One collection with the lock test: two loaded platforms side by side on a small machine would measure each other, not the faults.
[Collection("whole platform")]
public sealed class ChaosTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Accepted_requests_reach_every_department_once_and_progress_applies_once_through_broker_and_service_crashes()
    {
        var settings = ChaosSettings.FromEnvironment();
        await using var node = await RabbitMqNode.StartAsync("chaos");
        await using var platform = await Platform.StartAsync(TestBroker.On(node),
            new Dictionary<string, string> { ["Gateway__RateLimit__PermitLimit"] = "10000000" });

        var clock = Stopwatch.StartNew();
        var faults = new List<Fault>();
        async Task FaultAsync(string what, Func<Task> act)
        {
            var at = clock.Elapsed;
            await act();
            faults.Add(new Fault(at, what, clock.Elapsed - at));
            output.WriteLine($"{at.TotalSeconds,6:F1} s  {what}");
            await Task.Delay(settings.Pause);
        }

        using var alice = platform.GatewayClient(DemoUsers.Alice);
        var load = new SteadyLoad(alice, settings.RequestsPerSecond);
        var agents = new DepartmentAgents(platform);
        await Task.Delay(settings.Pause);

        for (var round = 1; round <= settings.Rounds; round++)
        {
            await FaultAsync("broker killed (SIGKILL) and restarted", async () => { await node.KillAsync(); await Task.Delay(1000); await node.StartAsync(); });
            await FaultAsync("departments killed (SIGKILL) and restarted", () => CrashAsync(platform, "departments"));
            await FaultAsync("broker stopped gracefully and restarted", async () => { await node.StopAsync(); await Task.Delay(1000); await node.StartAsync(); });
            await FaultAsync("requests killed (SIGKILL) and restarted", () => CrashAsync(platform, "requests"));
        }

        await load.StopAsync();
        await agents.StopAsync();
        var loadDuration = clock.Elapsed;

        var settle = Stopwatch.StartNew();
        var (snapshot, result, settled) = await SettleAsync(load.Attempts, () => DatabaseSnapshot.ReadAsync(platform.DataFolder), settings.SettleTimeout);
        var report = new ChaosReport(settings.Name, settings.Rounds, settings.RequestsPerSecond, loadDuration, settle.Elapsed, settled,
            snapshot.RequestsOutboxPending, snapshot.DepartmentsOutboxPending, agents.Steps, agents.FailedSteps,
            load.Attempts.Count(a => a.Status == 503 && a.RetryAfter),
            load.Attempts.GroupBy(a => a.Status?.ToString() ?? "no answer").ToDictionary(g => g.Key, g => g.Count()),
            faults, result);
        var file = report.Write(Path.Combine(Repository.Root, "artifacts", "chaos"));
        output.WriteLine(report.ToTable());
        output.WriteLine($"report: {file}");

        var failure = report.ToTable() + "\n" + platform.Logs();
        Assert.True(result.Accepted >= settings.RequestsPerSecond * loadDuration.TotalSeconds / 3,
            $"Too few requests were accepted for the run to mean anything.\n{failure}");
        Assert.True(result.ProgressEventsChecked > result.WorkItemsChecked, $"The agents made no progress to check.\n{failure}");
        Assert.True(result.Anomalies.Lost == 0, $"Lost {result.Anomalies.Lost}.\n{failure}");
        Assert.True(result.Anomalies.Duplicated == 0, $"Duplicated {result.Anomalies.Duplicated}.\n{failure}");
        Assert.True(result.Anomalies.Unexpected == 0, $"Unexpected {result.Anomalies.Unexpected}.\n{failure}");
        Assert.True(snapshot.RequestsOutboxPending + snapshot.DepartmentsOutboxPending == 0, $"The outboxes did not drain.\n{failure}");
        Assert.DoesNotContain(load.Attempts, a => a.Status == 500);
    }

    internal static async Task CrashAsync(Platform platform, string service)
    {
        var process = platform.Processes[service];
        await process.KillAsync();
        await process.RestartAsync();
    }

    /// <summary>
    /// Reconciles until the books balance and the outboxes are empty on two passes in a row (so a late duplicate
    /// still has time to show), or the timeout passes; the last pass is the verdict.
    /// </summary>
    internal static async Task<(DatabaseSnapshot, Reconciliation, bool)> SettleAsync(IReadOnlyCollection<Attempt> attempts, Func<Task<DatabaseSnapshot>> read, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var cleanPasses = 0;
        while (true)
        {
            var snapshot = await read();
            var result = Reconciler.Reconcile(attempts, snapshot);
            cleanPasses = result.Clean && snapshot.RequestsOutboxPending + snapshot.DepartmentsOutboxPending == 0 ? cleanPasses + 1 : 0;
            if (cleanPasses == 2) return (snapshot, result, true);
            if (DateTime.UtcNow > deadline) return (snapshot, result, false);
            await Task.Delay(TimeSpan.FromSeconds(3));
        }
    }
}
