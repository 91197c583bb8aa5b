using ClientRequests.Messaging.Outbox;
using ClientRequests.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClientRequests.Messaging.Tests;

/// <summary>Replicas of one service share its PostgreSQL database and its outbox: each row leaves once.</summary>
public sealed class OutboxReplicaTests : IAsyncLifetime
{
    string amqpUri = "";
    string database = "";
    readonly List<IHost> hosts = [];

    public async ValueTask InitializeAsync()
    {
        amqpUri = await (await TestBroker.Shared).NewVirtualHostAsync("outbox-replicas");
        database = (await TestPostgres.Shared).NewDatabase("ledger");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    async Task<IHost> StartReplicaAsync(Dictionary<string, string>? settings = null)
    {
        var host = await LedgerHost.StartOnPostgreSqlAsync(amqpUri, database, settings ?? new() { ["Messaging:Outbox:BatchSize"] = "10" });
        hosts.Add(host);
        return host;
    }

    [Fact]
    public async Task Concurrent_claims_take_each_row_once()
    {
        var host = await StartReplicaAsync(new() { ["Messaging:Outbox:PollInterval"] = "01:00:00" });
        await host.StopAsync(); // only its database: the claims below are the only claimants
        await WriteEntriesAsync(host, 500, perTransaction: 50);
        var settings = new OutboxOptions { BatchSize = 7 };

        // Sixteen claimants at once, each claiming until nothing is left, on sixteen connections.
        var claims = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            var mine = new List<Guid>();
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            while (true)
            {
                db.ChangeTracker.Clear();
                var batch = await OutboxClaim.ClaimAsync(db, settings, DateTimeOffset.UtcNow, CancellationToken.None);
                if (batch.Count == 0 && !await OutboxClaim.Claimable(db, settings, DateTimeOffset.UtcNow).AnyAsync()) return mine;
                mine.AddRange(batch.Select(m => m.Id));
            }
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(500, all.Count);
        Assert.Equal(500, all.Distinct().Count());
        Assert.True(claims.Count(c => c.Count > 0) > 1, "the claimants did not run at the same time");
    }

    [Fact]
    public async Task Two_dispatchers_on_one_database_publish_each_row_once()
    {
        var first = await StartReplicaAsync();
        var second = await StartReplicaAsync();

        // Both replicas write (each wakes its own dispatcher); both dispatchers claim from the one outbox.
        await Task.WhenAll(WriteEntriesAsync(first, 150, perTransaction: 5), WriteEntriesAsync(second, 150, perTransaction: 5));

        var received = hosts.Select(h => h.Services.GetRequiredService<Received>()).ToList();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline && received.Sum(r => r.Items.Count) < 300) await Task.Delay(100);
        await Task.Delay(1_000); // a second publish of any row would arrive by now

        var deliveries = received.SelectMany(r => r.Items).GroupBy(m => m.MessageId).ToList();
        Assert.Equal(300, deliveries.Count);
        Assert.All(deliveries, d => Assert.Single(d));

        await using var scope = first.Services.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Set<OutboxMessage>().AsNoTracking().ToListAsync();
        Assert.All(rows, r => Assert.NotNull(r.SentAt));
        Assert.Equal(300, rows.Count);
    }

    [Fact]
    public async Task A_dead_dispatchers_claim_is_taken_over_once_it_has_run_out()
    {
        var claimFor = TimeSpan.FromSeconds(3);
        var host = await StartReplicaAsync(new() { ["Messaging:Outbox:ClaimDuration"] = claimFor.ToString() });
        await host.StopAsync(); // written and claimed while no dispatcher runs
        await WriteEntriesAsync(host, 20, perTransaction: 20);

        // A dispatcher claims the rows and dies before it publishes any of them.
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            var claimed = await OutboxClaim.ClaimAsync(db, new OutboxOptions { ClaimDuration = claimFor }, DateTimeOffset.UtcNow, CancellationToken.None);
            Assert.Equal(20, claimed.Count);
        }
        var diedAt = DateTime.UtcNow;

        var replica = await StartReplicaAsync(new() { ["Messaging:Outbox:ClaimDuration"] = claimFor.ToString() });
        var received = replica.Services.GetRequiredService<Received>();
        Assert.True(await received.WaitForAsync(r => r.Count == 20, TimeSpan.FromSeconds(30)));
        var takenOverAfter = DateTime.UtcNow - diedAt;

        // Not before the claim ran out, and within the claim plus a couple of polls (the documented bound).
        Assert.InRange(takenOverAfter, claimFor - TimeSpan.FromMilliseconds(200), claimFor + TimeSpan.FromSeconds(5));
        Assert.Equal(20, received.Items.Select(m => m.MessageId).Distinct().Count());
    }

    static async Task WriteEntriesAsync(IHost host, int count, int perTransaction)
    {
        for (var written = 0; written < count; written += perTransaction)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            for (var i = 0; i < perTransaction; i++)
            {
                var entry = new Entry { Id = Guid.NewGuid(), Note = $"entry {written + i}" };
                db.Entries.Add(entry);
                db.Publish(new EntryWritten { EntryId = entry.Id, Note = entry.Note });
            }
            await db.SaveChangesAsync();
        }
    }
}
