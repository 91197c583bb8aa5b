using System.Data.Common;
using ClientRequests.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClientRequests.Messaging.Tests;

/// <summary>
/// SQL Server is not installed on these machines: the claim's SQL is checked as SQL Server would receive it.
/// An interceptor stands in for the server (the connection is never opened) and records the command.
/// </summary>
public sealed class OutboxClaimSqlTests
{
    [Fact]
    public async Task On_sql_server_the_claim_is_one_conditional_update_of_the_oldest_claimable_rows()
    {
        var recorder = new CommandRecorder();
        await using var db = new SqlServerLedgerDbContext(new DbContextOptionsBuilder<SqlServerLedgerDbContext>()
            .UseSqlServer("Server=not-there;Database=ledger;Trusted_Connection=True").AddInterceptors(recorder).Options);

        var claimed = await OutboxClaim.ClaimAsync(db, new OutboxOptions { BatchSize = 25, MaxAttempts = 20 }, DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Empty(claimed);
        var sql = Assert.Single(recorder.Commands);
        Assert.StartsWith("UPDATE [o]", sql.Text);
        Assert.Contains("SET [o].[ClaimedBy] = @", sql.Text);
        Assert.Contains("[o].[ClaimedUntil] = @", sql.Text);
        // Checked again on each row under its update lock: a row another claim took meanwhile is left out.
        Assert.Contains("WHERE [o].[SentAt] IS NULL AND [o].[Attempts] < @", sql.Text);
        Assert.Contains("([o].[ClaimedUntil] IS NULL OR [o].[ClaimedUntil] < @", sql.Text);
        Assert.Contains("AND [o].[Id] IN (", sql.Text);
        Assert.Contains("SELECT TOP(25) [o0].[Id]", sql.Text);
        Assert.Contains("ORDER BY [o0].[CreatedAt]", sql.Text);
        Assert.Contains(sql.Parameters, p => p.ParameterName == "@maxAttempts" && p.Value is 20);
    }

    sealed record Command(string Text, IReadOnlyList<DbParameter> Parameters);

    /// <summary>Answers for the server: the connection "opens", every command affects no rows.</summary>
    sealed class CommandRecorder : DbCommandInterceptor, IDbConnectionInterceptor
    {
        public List<Command> Commands { get; } = [];

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(new Command(command.CommandText, command.Parameters.Cast<DbParameter>().ToList()));
            return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(0));
        }

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default) => ValueTask.FromResult(InterceptionResult.Suppress());

        public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result) => ValueTask.FromResult(InterceptionResult.Suppress());
    }
}
