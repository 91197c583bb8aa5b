using System.Collections.Concurrent;
using ClientRequests.ServiceDefaults.Data.Leases;
using ClientRequests.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClientRequests.Messaging.Tests;

/// <summary>Periodic work under a lease, with two replicas on one PostgreSQL database.</summary>
public sealed class JobLeaseTests : IAsyncLifetime
{
    static readonly TimeSpan Period = TimeSpan.FromMilliseconds(300);
    readonly List<IHost> hosts = [];
    readonly ConcurrentQueue<(int Replica, DateTime At)> runs = new();

    public async ValueTask InitializeAsync()
    {
        var amqpUri = await (await TestBroker.Shared).NewVirtualHostAsync("leases");
        var database = (await TestPostgres.Shared).NewDatabase("ledger");
        hosts.Add(await LedgerHost.StartOnPostgreSqlAsync(amqpUri, database));
        hosts.Add(await LedgerHost.StartOnPostgreSqlAsync(amqpUri, database));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    JobLeases<LedgerDbContext> Leases(int replica) => hosts[replica].Services.GetRequiredService<JobLeases<LedgerDbContext>>();

    Task Run(int replica, CancellationToken stop) =>
        Leases(replica).RunEveryAsync("test-job", Period, _ =>
        {
            runs.Enqueue((replica, DateTime.UtcNow));
            return Task.CompletedTask;
        }, stop);

    [Fact]
    public async Task Two_replicas_run_the_job_once_per_period_and_a_clean_stop_hands_over_at_once()
    {
        var stops = new[] { new CancellationTokenSource(), new CancellationTokenSource() };
        var jobs = new[] { Run(0, stops[0].Token), Run(1, stops[1].Token) };

        await Task.Delay(TimeSpan.FromSeconds(3));
        var whileBoth = runs.ToList();
        // One run per period (about ten in three seconds), all by the replica that took the lease first.
        Assert.InRange(whileBoth.Count, 8, 12);
        var holder = whileBoth[0].Replica;
        Assert.All(whileBoth, r => Assert.Equal(holder, r.Replica));

        await stops[holder].CancelAsync();
        await jobs[holder];
        var stoppedAt = DateTime.UtcNow;
        await Task.Delay(Period * 3);
        var takenOver = runs.Where(r => r.Replica != holder).Select(r => r.At).DefaultIfEmpty().Min();
        // Released on the way out: the other replica's next tick takes it, not the end of the lease.
        Assert.InRange(takenOver - stoppedAt, TimeSpan.Zero, Period + TimeSpan.FromMilliseconds(250));

        await stops[1 - holder].CancelAsync();
        await jobs[1 - holder];
        foreach (var stop in stops) stop.Dispose();
    }

    [Fact]
    public async Task A_dead_holders_job_is_taken_over_within_the_bound()
    {
        // The holder makes a run and dies before the next: its lease stays until it runs out.
        Assert.True(await Leases(0).TryHoldAsync("test-job", JobLeases<LedgerDbContext>.LeaseFor(Period), CancellationToken.None));
        var diedAt = DateTime.UtcNow;

        using var stop = new CancellationTokenSource();
        var second = Run(1, stop.Token);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (runs.IsEmpty && DateTime.UtcNow < deadline) await Task.Delay(20);
        await stop.CancelAsync();
        await second;

        var takeover = Assert.Single(runs.Take(1)).At - diedAt;
        Assert.InRange(takeover, JobLeases<LedgerDbContext>.LeaseFor(Period) - TimeSpan.FromMilliseconds(50),
            JobLeases<LedgerDbContext>.TakeoverBound(Period) + TimeSpan.FromMilliseconds(250));
    }
}
