using ClientRequests.Requests.Data;
using Microsoft.EntityFrameworkCore;

namespace Requests.Tests.Api;

/// <summary>ADR 0016: the service's SQLite connections commit with synchronous=NORMAL unless configured FULL.</summary>
public sealed class SqliteDurabilityTests
{
    [Fact]
    public async Task Connections_commit_in_wal_mode_with_synchronous_normal_by_default()
    {
        await using var app = await RequestsApp.StartAsync();
        Assert.Equal(("wal", 1L), await JournalAndSynchronousAsync(app));
    }

    [Fact]
    public async Task Database_SqliteSynchronous_Full_makes_every_commit_sync_the_log()
    {
        await using var app = await RequestsApp.StartAsync(new Dictionary<string, string?> { ["Database:SqliteSynchronous"] = "full" });
        Assert.Equal(("wal", 2L), await JournalAndSynchronousAsync(app));
    }

    static Task<(string, long)> JournalAndSynchronousAsync(RequestsApp app) => app.QueryAsync(async (RequestsDbContext db) =>
    {
        // Opened through EF, as the service's own queries and SaveChanges open it, so its interceptors run.
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            var journal = (string)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA synchronous";
            var synchronous = (long)(await command.ExecuteScalarAsync())!;
            return (journal, synchronous);
        }
        finally { await db.Database.CloseConnectionAsync(); }
    });
}
