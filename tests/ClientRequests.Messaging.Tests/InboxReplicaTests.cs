using ClientRequests.Messaging.Inbox;
using ClientRequests.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClientRequests.Messaging.Tests;

/// <summary>Two replicas on one PostgreSQL database receive the same redelivered message at the same moment.</summary>
public sealed class InboxReplicaTests : IAsyncLifetime
{
    readonly List<IHost> hosts = [];
    readonly TagRace race = new();

    public async ValueTask InitializeAsync()
    {
        var amqpUri = await (await TestBroker.Shared).NewVirtualHostAsync("inbox-replicas");
        var database = (await TestPostgres.Shared).NewDatabase("ledger");
        hosts.Add(await LedgerHost.StartOnPostgreSqlAsync(amqpUri, database, race: race));
        hosts.Add(await LedgerHost.StartOnPostgreSqlAsync(amqpUri, database, race: race));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    [Fact]
    public async Task The_same_message_at_two_replicas_at_once_is_applied_once_and_neither_retries()
    {
        var messageId = NewId.NextGuid();
        // One delivery each (or both at one replica): both find the tag and the inbox row missing and insert them,
        // held until both have looked; the second commit meets the first's inbox key.
        await Task.WhenAll(hosts.Select(h => h.Services.GetRequiredService<IBus>()
            .Publish(new TagUsed { Tag = "vip" }, c => c.MessageId = messageId)));

        await using var scope = hosts[0].Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline && race.BusRetryAttempts.Count < 2) await Task.Delay(50);
        await Task.Delay(1_000); // a retry by the bus would have started by now

        Assert.Equal(1, await db.Set<InboxMessage>().CountAsync(m => m.MessageId == messageId));
        Assert.Equal(["vip"], await db.Tags.Select(t => t.Name).ToListAsync());
        // Each delivery applied once in place; the loser's conflict ended it as already done, not as a bus retry.
        Assert.Equal([0, 0], race.BusRetryAttempts);
    }
}
