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
