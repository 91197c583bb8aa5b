using System.Diagnostics;
using System.Globalization;
using System.Text;
using ClientRequests.Messaging.Outbox;
using ClientRequests.ServiceDefaults.Data.Leases;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Chaos.Tests;

/// <summary>
/// The chaos suite on the production shape: every service twice on PostgreSQL behind the gateway. Under steady load
/// and department agents, one replica of every service in turn is killed (-9) and restarted, then the PostgreSQL
/// server (a private one: the run's shared server serves every test project) is killed and restarted, then the broker.
/// The databases are reconciled against every answer as in <see cref="ChaosTests"/>; periodic jobs' runs are counted
/// from the replicas' lease lines; publishes are counted at the broker. Short by default;
/// <c>CLIENTREQUESTS_CHAOS=long</c> runs two rounds and more load (docs/reliability.md).
/// </summary>
[Collection("whole platform")]
public sealed class ProductionShapeChaosTests(ITestOutputHelper output)
{
    // Periods short enough to count many runs in a minute; the lease of each is two periods (JobLeases.LeaseFor).
    static readonly TimeSpan SlaInterval = TimeSpan.FromSeconds(2);
    static readonly TimeSpan CleanupInterval = TimeSpan.FromSeconds(3);
    // A killed dispatcher's claimed rows wait this long for another replica (30 s in production).
    static readonly TimeSpan ClaimDuration = TimeSpan.FromSeconds(10);
    // What a busy shared 2-core machine adds to a tick (eleven processes, a database and a broker on it; after the
    // broker's restart every replica works off its redeliveries at once, and runs of 2026-12-04 saw ticks 6.5 s late).
    static readonly TimeSpan Slack = TimeSpan.FromSeconds(8);
    // The database unreachable mid-load for this long (issue 22): readiness false, 503 with Retry-After, nothing lost.
    static readonly TimeSpan DatabaseOutage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Two_replicas_on_PostgreSQL_lose_duplicate_and_invent_nothing_and_run_each_job_once_per_period_through_replica_database_and_broker_crashes()
    {
        var settings = ChaosSettings.ProductionFromEnvironment();
        await using var postgres = await PostgresServer.StartAsync("chaos");
        await using var node = await RabbitMqNode.StartAsync("chaos");
        await using var platform = await Platform.StartProductionShapeAsync(TestBroker.On(node), new Dictionary<string, string>
        {
            ["Gateway__RateLimit__PermitLimit"] = "10000000",
            [$"{SlaSection}__Interval"] = SlaInterval.ToString(),
            ["Messaging__Outbox__CleanupInterval"] = CleanupInterval.ToString(),
            ["Messaging__Outbox__ClaimDuration"] = ClaimDuration.ToString(),
            // One line per lease held: the runs counted below.
            ["Logging__LogLevel__ClientRequests.ServiceDefaults.Data.Leases"] = "Debug",
        }, postgres);

        var clock = Stopwatch.StartNew();
        await using var observer = await BrokerObserver.StartAsync(platform.AmqpUri, node.ManagementUri, platform.VirtualHost, clock);
        var faults = new List<Fault>();
        DatabaseOutageProbe? database = null;
        var outages = new List<(DateTimeOffset From, DateTimeOffset Until)>();
        async Task FaultAsync(string what, Func<Task> act)
        {
            var at = clock.Elapsed;
            await act();
            faults.Add(new Fault(at, what, clock.Elapsed - at));
            output.WriteLine($"{at.TotalSeconds,6:F1} s  {what}");
            await Task.Delay(settings.Pause);
        }

        using var alice = platform.GatewayClient(DemoUsers.Alice);
        var quietFrom = DateTimeOffset.UtcNow;
        var load = new SteadyLoad(alice, settings.RequestsPerSecond);
        var agents = new DepartmentAgents(platform);
        await Task.Delay(settings.FaultFree);
        var firstFault = clock.Elapsed;
        var quietUntil = DateTimeOffset.UtcNow;

        for (var round = 1; round <= settings.Rounds; round++)
        {
            foreach (var service in Platform.Services.Select(s => s.Name))
            {
                // The first round kills each service's first replica, the next its second.
                var instance = Platform.InstanceName(service, (round - 1) % 2);
                await FaultAsync($"{instance} killed (SIGKILL) and restarted", () => ChaosTests.CrashAsync(platform, instance));
            }
            await FaultAsync($"PostgreSQL killed (SIGKILL), away {DatabaseOutage.TotalSeconds:F0} s, restarted", async () =>
            {
                var from = DateTimeOffset.UtcNow;
                await postgres.KillAsync();
                database = await DatabaseOutageProbe.WatchAsync(platform, DatabaseOutage);
                await postgres.StartAsync();
                // Every replica's pool still holds connections to the dead server, and each fails once on use before
                // the pool opens a new one: the first ticks after the restart can fail on them.
                outages.Add((from, DateTimeOffset.UtcNow + TimeSpan.FromSeconds(5)));
            });
            await FaultAsync("broker killed (SIGKILL) and restarted", async () =>
            {
                var from = DateTimeOffset.UtcNow;
                await node.KillAsync();
                await Task.Delay(1000);
                await node.StartAsync();
                // The outbox clean-up runs in the dispatcher's loop, which waits while the bus is not healthy: until
                // every replica's bus has reconnected (MassTransit's reconnect backs off to several seconds).
                outages.Add((from, DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10)));
            });
        }

        await load.StopAsync();
        await agents.StopAsync();
        var loadDuration = clock.Elapsed;

        var settle = Stopwatch.StartNew();
        var (snapshot, result, settled) = await ChaosTests.SettleAsync(load.Attempts,
            () => DatabaseSnapshot.ReadPostgresAsync(platform.ConnectionStrings["requests"], platform.ConnectionStrings["departments"]), settings.SettleTimeout);
        var report = new ChaosReport(settings.Name, settings.Rounds, settings.RequestsPerSecond, loadDuration, settle.Elapsed, settled,
            snapshot.RequestsOutboxPending, snapshot.DepartmentsOutboxPending, agents.Steps, agents.FailedSteps,
            load.Attempts.Count(a => a.Status == 503 && a.RetryAfter),
            load.Attempts.GroupBy(a => a.Status?.ToString() ?? "no answer").ToDictionary(g => g.Key, g => g.Count()),
            faults, result);

        var runs = LeaseRuns.Read(Path.Combine(platform.DataFolder, "logs"), Platform.Services.Select(s => s.Name));
        var jobs = Platform.Services.Select(s => (Service: s.Name, Job: OutboxDispatcher<DbContext>.CleanupJob, Period: CleanupInterval))
            .Prepend((Service: "requests", Job: SlaJob, Period: SlaInterval))
            .Select(j => LeaseRuns.Judge(j.Service, j.Job, j.Period, runs, (quietFrom, quietUntil), outages,
                JobLeases<DbContext>.TakeoverBound(j.Period), Slack))
            .ToList();
        var quietPublishes = observer.Deliveries.Values.Count(times => times.Any(t => t < firstFault));
        var quietTwice = observer.PublishedMoreThanOnce(before: firstFault);

        var text = new StringBuilder(report.ToTable());
        text.AppendLine("Periodic jobs (runs counted from every replica's lease lines):");
        text.AppendLine("| service | job | period | runs | holders | overlapping runs | tightest gap (bound) from (s into the load) | fault-free part |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var job in jobs) text.AppendLine(job.ToString());
        var duringOutage = database!.AnswersDuring(load.Attempts);
        text.AppendLine(database.Describe(duringOutage));
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Publishes counted at the broker: {observer.Deliveries.Count} message ids; fault-free part (first {firstFault.TotalSeconds:F0} s): {quietPublishes} ids, {quietTwice} published more than once; whole run: {observer.PublishedMoreThanOnce()} published more than once (after faults; the inbox absorbs them)");
        var table = text.ToString();
        var file = report.Write(Path.Combine(Repository.Root, "artifacts", "chaos"));
        await File.WriteAllTextAsync(Path.ChangeExtension(file, ".txt"), table);
        output.WriteLine(table);
        output.WriteLine($"report: {file}");

        var failure = table + "\n" + platform.Logs();
        Assert.True(result.Accepted >= settings.RequestsPerSecond * loadDuration.TotalSeconds / 3,
            $"Too few requests were accepted for the run to mean anything.\n{failure}");
        Assert.True(result.ProgressEventsChecked > result.WorkItemsChecked, $"The agents made no progress to check.\n{failure}");
        Assert.True(result.Anomalies.Lost == 0, $"Lost {result.Anomalies.Lost}.\n{failure}");
        Assert.True(result.Anomalies.Duplicated == 0, $"Duplicated {result.Anomalies.Duplicated}.\n{failure}");
        Assert.True(result.Anomalies.Unexpected == 0, $"Unexpected {result.Anomalies.Unexpected}.\n{failure}");
        Assert.True(snapshot.RequestsOutboxPending + snapshot.DepartmentsOutboxPending == 0, $"The outboxes did not drain.\n{failure}");
        Assert.DoesNotContain(load.Attempts, a => a.Status == 500);
        // With the database away, every replica says it is not ready and every answer is a 503 with Retry-After.
        Assert.True(database.EveryReplicaUnready, $"Not every replica reported itself unready while the database was away.\n{failure}");
        Assert.True(duringOutage.Count > 0, $"No request was answered while the database was away.\n{failure}");
        Assert.All(duringOutage, a => Assert.True(a.Status == 503 && a.RetryAfter,
            $"Attempt {a.Number} was answered {a.Status?.ToString() ?? "nothing"} (Retry-After: {a.RetryAfter}) with the database away: {a.Error}\n{failure}"));
        // Never twice in a period, and once per period while nothing failed, for every job. Gaps after faults are
        // reported, not bounded: on this 2-core machine an SLA pass over a growing backlog, starved while every replica
        // works off the broker's redeliveries, ran up to 17 s apart (docs/reliability.md); the takeover bound itself
        // is asserted where timing is under control, by JobLeaseTests (Messaging.Tests).
        Assert.All(jobs, job => Assert.True(job.NeverTwiceAndOncePerPeriodWhileQuiet,
            $"{job.Service}/{job.Job} did not run once per period.\n{failure}"));
        Assert.True(quietPublishes > 50, $"Too few publishes in the fault-free part to count.\n{failure}");
        Assert.True(quietTwice == 0, $"{quietTwice} outbox rows were published more than once with nothing failing.\n{failure}");
    }

    // The requests service's names, spelled here: the suite runs the services as processes and references none of their code.
    const string SlaSection = "Sla";
    const string SlaJob = "sla-monitor";
}
