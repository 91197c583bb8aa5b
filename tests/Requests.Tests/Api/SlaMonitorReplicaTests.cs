using ClientRequests.Messaging.Outbox;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Sla;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Requests.Tests.Api.Scenario;

namespace Requests.Tests.Api;

/// <summary>Two replicas of the requests service on one PostgreSQL database: one SLA pass per interval, one escalation.</summary>
public sealed class SlaMonitorReplicaTests : IAsyncLifetime
{
    static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(300);
    readonly List<RequestsApp> replicas = [];

    public async ValueTask InitializeAsync()
    {
        var amqpUri = await (await TestBroker.Shared).NewVirtualHostAsync("requests-replicas");
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:requests"] = (await TestPostgres.Shared).NewDatabase("requests"),
            ["Sla:Interval"] = Interval.ToString(),
            ["Sla:Calendar:Open"] = "00:00:00",
            ["Sla:Calendar:Close"] = "23:59:59.9999999",
            ["Sla:Policies:0:Type"] = "*",
            ["Sla:Policies:0:Priority"] = "P2",
            ["Sla:Policies:0:FirstResponse"] = "00:00:01",
            ["Sla:Policies:0:Resolution"] = "00:00:02",
            ["Sla:Departments:billing:Priorities:P2"] = "00:00:02",
        };
        for (var d = 0; d < 7; d++) settings[$"Sla:Calendar:Days:{d}"] = ((DayOfWeek)d).ToString();
        // One after the other: the first migrates the database, the second finds it migrated.
        foreach (var _ in new[] { 1, 2 })
        {
            var replica = new RequestsApp(amqpUri, settings);
            replicas.Add(replica);
            await replica.WaitUntilReadyAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in replicas) await replica.DisposeAsync();
    }

    static SlaMonitor Monitor(RequestsApp replica) => replica.Services.GetServices<IHostedService>().OfType<SlaMonitor>().Single();

    [Fact]
    public async Task One_replica_makes_the_passes_and_a_breach_is_escalated_once()
    {
        using var alice = replicas[0].ClientFor(DemoUsers.Alice);
        var opened = await OpenAsync(alice);
        var before = replicas.Select(r => Monitor(r).Passes).ToArray();
        var started = DateTime.UtcNow;

        var breached = await EventuallyAsync(() => GetAsync(alice, opened.Id), r => r.Breached);
        Assert.True(breached.Breached);
        await Task.Delay(TimeSpan.FromSeconds(2));
        var passes = replicas.Select((r, i) => Monitor(r).Passes - before[i]).ToArray();
        var elapsed = DateTime.UtcNow - started;

        // About one pass per interval in all, never two for one interval. One replica makes them; the other makes a
        // pass or two at most, when the holder renewed too late on a loaded machine and the lease moved to it.
        Assert.True(passes.Min() <= 2, $"passes per replica: {string.Join(", ", passes)}");
        Assert.InRange(passes.Sum(), (int)(elapsed / Interval * 0.6), (int)(elapsed / Interval) + 2);
        var timeline = await TimelineAsync(alice, opened.Id);
        Assert.Single(timeline, e => e.Kind == TimelineKinds.SlaBreached && e.WorkItemId is null);
        Assert.Single(timeline, e => e.Kind == TimelineKinds.SlaBreached && e.DepartmentCode == "billing");
        Assert.Equal(2, await replicas[1].QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.MessageType.Contains("SlaBreached"))));
    }
}
