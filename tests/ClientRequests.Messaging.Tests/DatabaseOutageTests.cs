using ClientRequests.TestKit;
using MassTransit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClientRequests.Messaging.Tests;

/// <summary>A consumer whose database is locked for longer than its ordinary retries keeps the message until it is free.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    readonly string databaseFile = Path.Combine(Path.GetTempPath(), $"ledger-{Guid.NewGuid():N}.db");
    IHost host = null!;

    public async ValueTask InitializeAsync()
    {
        var broker = await TestBroker.Shared;
        // One ordinary retry (about 0.1 s) and a 1 s busy timeout: the lock below outlasts both many times over.
        host = await LedgerHost.StartAsync(await broker.NewVirtualHostAsync("outage"), databaseFile, databaseTimeoutSeconds: 1);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(databaseFile);
    }

    [Fact]
    public void Passing_failures_are_told_from_lasting_ones()
    {
        Assert.True(TransientFailure.Is(new SqliteException("database is locked", 5)));
        Assert.True(TransientFailure.Is(new DbUpdateException("save failed", new SqliteException("readonly", 8))));
        Assert.True(TransientFailure.Is(new TimeoutException()));
        Assert.False(TransientFailure.Is(new SqliteException("constraint", 19)));
        Assert.False(TransientFailure.Is(new DbUpdateConcurrencyException("changed")));
        Assert.False(TransientFailure.Is(new InvalidOperationException()));
    }

    [Fact]
    public async Task A_message_arriving_while_the_database_is_locked_is_applied_once_after_the_lock()
    {
        var deposit = new DepositMade { DepositId = Guid.NewGuid() };
        await using (var locker = new SqliteConnection($"Data Source={databaseFile}"))
        {
            await locker.OpenAsync();
            await using (var begin = locker.CreateCommand())
            {
                begin.CommandText = "BEGIN EXCLUSIVE";
                await begin.ExecuteNonQueryAsync();
            }

            await host.Services.GetRequiredService<IBus>().Publish(deposit);
            // The ordinary retries are spent within 3 s; the lock holds for 8.
            await Task.Delay(TimeSpan.FromSeconds(8));

            await using var rollback = locker.CreateCommand();
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }

        for (var i = 0; i < 600 && (await NotesAsync()).Count == 0; i++) await Task.Delay(100);
        Assert.Single(await NotesAsync(), n => n.Contains(deposit.DepositId.ToString()));
    }

    async Task<List<string>> NotesAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LedgerDbContext>().Entries.Select(e => e.Note).ToListAsync();
    }
}
