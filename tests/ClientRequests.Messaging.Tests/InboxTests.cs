using ClientRequests.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClientRequests.Messaging.Tests;

public sealed class InboxTests : IAsyncLifetime
{
    readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"ledger-{Guid.NewGuid():N}.db");
    IHost host = null!;

    public async ValueTask InitializeAsync()
    {
        var broker = await TestBroker.Shared;
        host = await LedgerHost.StartAsync(await broker.NewVirtualHostAsync("inbox"), databaseFile);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        File.Delete(databaseFile);
    }

    [Fact]
    public async Task A_message_delivered_twice_is_applied_once()
    {
        var bus = host.Services.GetRequiredService<IBus>();
        var messageId = NewId.NextGuid();
        var deposit = new DepositMade { DepositId = Guid.NewGuid() };

        // The same message id twice, as when the dispatcher dies between the broker's confirm and marking the row sent.
        await bus.Publish(deposit, c => c.MessageId = messageId);
        await bus.Publish(deposit, c => c.MessageId = messageId);
        // A different message after them: once it is applied, both duplicates have been consumed before it or are in flight.
        var marker = new DepositMade { DepositId = Guid.NewGuid() };
        await bus.Publish(marker);

        Assert.True(await EntriesEventuallyAsync(e => e.Count(n => n.Contains(marker.DepositId.ToString())) == 1));
        await Task.Delay(1000);
        var notes = await NotesAsync();
        Assert.Single(notes, n => n.Contains(deposit.DepositId.ToString()));
        Assert.Equal(2, notes.Count);
        Assert.True(await EventuallyAsync(async db => await db.Set<ClientRequests.Messaging.Inbox.InboxMessage>()
            .Where(m => m.MessageId == messageId).Select(m => m.Consumer).SingleAsync() == "ledger-deposits"));
    }

    [Fact]
    public async Task Two_messages_inserting_the_same_missing_row_are_both_applied_at_once_without_the_bus_retrying()
    {
        var bus = host.Services.GetRequiredService<IBus>();
        var race = host.Services.GetRequiredService<TagRace>();

        // Both find the tag missing and insert it; the second save collides with the first.
        await Task.WhenAll(bus.Publish(new TagUsed { Tag = "vip" }), bus.Publish(new TagUsed { Tag = "vip" }));

        Assert.True(await EventuallyAsync(async db => await db.Set<ClientRequests.Messaging.Inbox.InboxMessage>()
            .CountAsync(m => m.Consumer == nameof(TagConsumer)) == 2));
        await using var scope = host.Services.CreateAsyncScope();
        var ledger = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        Assert.Equal(["vip"], await ledger.Tags.Select(t => t.Name).ToListAsync());
        // Applied three times in all (the loser twice, reading the winner's row the second time), never by a bus retry.
        Assert.Equal([0, 0, 0], race.BusRetryAttempts);
    }

    async Task<bool> EventuallyAsync(Func<LedgerDbContext, Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            await using var scope = host.Services.CreateAsyncScope();
            if (await condition(scope.ServiceProvider.GetRequiredService<LedgerDbContext>())) return true;
            await Task.Delay(100);
        }
        return false;
    }

    [Fact]
    public async Task Many_concurrent_duplicates_are_applied_once_each()
    {
        var bus = host.Services.GetRequiredService<IBus>();
        var deposits = Enumerable.Range(0, 20).Select(_ => (Id: NewId.NextGuid(), Deposit: new DepositMade { DepositId = Guid.NewGuid() })).ToList();

        await Task.WhenAll(deposits.SelectMany(d => Enumerable.Range(0, 3)
            .Select(_ => bus.Publish(d.Deposit, c => c.MessageId = d.Id))));

        Assert.True(await EntriesEventuallyAsync(e => e.Count == deposits.Count));
        await Task.Delay(1000);
        var notes = await NotesAsync();
        Assert.Equal(deposits.Count, notes.Count);
        Assert.All(deposits, d => Assert.Single(notes, n => n.Contains(d.Deposit.DepositId.ToString())));
    }

    async Task<List<string>> NotesAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Entries.Select(e => e.Note).ToListAsync();
    }

    async Task<bool> EntriesEventuallyAsync(Func<List<string>, bool> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            if (condition(await NotesAsync())) return true;
            await Task.Delay(100);
        }
        return false;
    }
}
