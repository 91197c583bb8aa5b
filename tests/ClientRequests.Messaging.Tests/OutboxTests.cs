using ClientRequests.Messaging.Outbox;
using ClientRequests.ServiceDefaults.Correlation;
using ClientRequests.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClientRequests.Messaging.Tests;

public sealed class OutboxTests : IAsyncLifetime
{
    readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"ledger-{Guid.NewGuid():N}.db");
    IHost host = null!;

    public async ValueTask InitializeAsync()
    {
        var broker = await TestBroker.Shared;
        host = await LedgerHost.StartAsync(await broker.NewVirtualHostAsync("outbox"), databaseFile);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        File.Delete(databaseFile);
    }

    [Fact]
    public async Task A_committed_change_publishes_its_event_with_the_outbox_row_id_as_message_id()
    {
        var entryId = await WriteEntryAsync("committed");

        var received = host.Services.GetRequiredService<Received>();
        Assert.True(await received.WaitForAsync(r => r.Any(m => m.Message.EntryId == entryId), TimeSpan.FromSeconds(20)));

        await using var scope = host.Services.CreateAsyncScope();
        var row = await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Set<OutboxMessage>().SingleAsync();
        Assert.Equal(row.Id, received.Items.Single(m => m.Message.EntryId == entryId).MessageId);
        Assert.True(await WaitUntilAsync(async () => await SentAtAsync(row.Id) is not null));
    }

    [Fact]
    public async Task The_correlation_id_of_the_call_that_wrote_a_row_is_current_where_its_message_is_consumed()
    {
        Guid correlated;
        using (CorrelationId.Begin("order-4713")) correlated = await WriteEntryAsync("correlated");
        var uncorrelated = await WriteEntryAsync("uncorrelated");

        var received = host.Services.GetRequiredService<Received>();
        Assert.True(await received.WaitForAsync(r => r.Any(m => m.Message.EntryId == correlated) && r.Any(m => m.Message.EntryId == uncorrelated),
            TimeSpan.FromSeconds(20)));
        Assert.Equal("order-4713", received.Correlations[correlated]);
        // A message that carries none is consumed under an id of its own.
        Assert.Matches("^[0-9a-f]{32}$", received.Correlations[uncorrelated]);
    }

    [Fact]
    public async Task A_rolled_back_change_publishes_nothing()
    {
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var entry = new Entry { Id = Guid.NewGuid(), Note = "rolled back" };
            db.Entries.Add(entry);
            db.Publish(new EntryWritten { EntryId = entry.Id, Note = entry.Note });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }
        // A committed change after it proves the pipeline flows; the rolled-back one must never have joined it.
        var committedId = await WriteEntryAsync("after the rollback");

        var received = host.Services.GetRequiredService<Received>();
        Assert.True(await received.WaitForAsync(r => r.Any(m => m.Message.EntryId == committedId), TimeSpan.FromSeconds(20)));
        await Task.Delay(500);
        Assert.DoesNotContain(received.Items, m => m.Message.Note == "rolled back");

        await using var check = host.Services.CreateAsyncScope();
        var db2 = check.ServiceProvider.GetRequiredService<LedgerDbContext>();
        Assert.Equal(1, await db2.Set<OutboxMessage>().CountAsync());
        Assert.Equal(1, await db2.Entries.CountAsync());
    }

    async Task<Guid> WriteEntryAsync(string note)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        var entry = new Entry { Id = Guid.NewGuid(), Note = note };
        db.Entries.Add(entry);
        db.Publish(new EntryWritten { EntryId = entry.Id, Note = note });
        await db.SaveChangesAsync();
        return entry.Id;
    }

    async Task<DateTimeOffset?> SentAtAsync(Guid id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        return (await db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id)).SentAt;
    }

    static async Task<bool> WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition()) return true;
            await Task.Delay(100);
        }
        return false;
    }
}
