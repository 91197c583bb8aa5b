using ClientRequests.Messaging.Outbox;
using ClientRequests.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.Messaging.Tests;

/// <summary>Uses a private node: stopping the shared one would disturb every other test.</summary>
public sealed class BrokerOutageTests
{
    [Fact]
    public async Task A_change_made_while_the_broker_is_down_is_delivered_once_it_is_back()
    {
        await using var node = await RabbitMqNode.StartAsync("outage");
        var databaseFile = Path.Combine(Path.GetTempPath(), $"ledger-{Guid.NewGuid():N}.db");
        using var host = await LedgerHost.StartAsync(node.AmqpUri(), databaseFile);
        var received = host.Services.GetRequiredService<Received>();

        await node.StopAsync();

        var entryId = Guid.NewGuid();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            db.Entries.Add(new Entry { Id = entryId, Note = "while down" });
            db.Publish(new EntryWritten { EntryId = entryId, Note = "while down" });
            await db.SaveChangesAsync();
        }
        await Task.Delay(2000);
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var row = await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Set<OutboxMessage>().SingleAsync();
            Assert.Null(row.SentAt);
        }

        await node.StartAsync();

        Assert.True(await received.WaitForAsync(r => r.Any(m => m.Message.EntryId == entryId), TimeSpan.FromSeconds(90)));
        await Task.Delay(1000);
        Assert.Single(received.Items, m => m.Message.EntryId == entryId);

        await host.StopAsync();
        File.Delete(databaseFile);
    }

    [Fact]
    public async Task A_service_started_before_the_broker_delivers_what_it_wrote_meanwhile()
    {
        await using var node = await RabbitMqNode.StartAsync("late");
        await node.StopAsync();
        var databaseFile = Path.Combine(Path.GetTempPath(), $"ledger-{Guid.NewGuid():N}.db");
        using var host = await LedgerHost.StartAsync(node.AmqpUri(), databaseFile, waitForBus: false);
        var received = host.Services.GetRequiredService<Received>();

        var entryId = Guid.NewGuid();
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            db.Entries.Add(new Entry { Id = entryId, Note = "before the broker" });
            db.Publish(new EntryWritten { EntryId = entryId, Note = "before the broker" });
            await db.SaveChangesAsync();
        }
        await Task.Delay(3000);
        await node.StartAsync();
        Console.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} broker started");

        Assert.True(await received.WaitForAsync(r => r.Any(m => m.Message.EntryId == entryId), TimeSpan.FromSeconds(90)));
        await host.StopAsync();
        File.Delete(databaseFile);
    }
}
