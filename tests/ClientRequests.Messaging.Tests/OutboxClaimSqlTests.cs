using System.Data.Common;
using ClientRequests.Messaging.Outbox;
using ClientRequests.ServiceDefaults.Data.Leases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ClientRequests.Messaging.Tests;

/// <summary>
/// SQL Server is not installed on these machines: the outbox claim's and the job lease's SQL are checked as SQL Server
/// would receive them (ADR 0031).
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

    [Fact]
    public async Task On_sql_server_holding_a_job_lease_is_one_conditional_update_of_its_row_then_a_check_that_it_exists()
    {
        var recorder = new CommandRecorder();
        var services = new ServiceCollection();
        services.AddDbContext<LedgerDbContext, SqlServerLedgerDbContext>(o =>
            o.UseSqlServer("Server=not-there;Database=ledger;Trusted_Connection=True").AddInterceptors(recorder));
        await using var provider = services.BuildServiceProvider();
        var leases = new JobLeases<LedgerDbContext>(provider.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
            NullLogger<JobLeases<LedgerDbContext>>.Instance);

        // The stand-in server updates no row and cannot answer the existence check: the lease is not held.
        Assert.False(await leases.TryHoldAsync("sla-monitor", TimeSpan.FromSeconds(60), CancellationToken.None));

        var update = recorder.Commands[0];
        Assert.StartsWith("UPDATE [l]", update.Text);
        Assert.Contains("SET [l].[Holder] = @", update.Text);
        Assert.Contains("[l].[ExpiresAt] = @", update.Text);
        // Held already by this replica, or run out: one statement decides, so two replicas cannot both take it.
        Assert.Contains("WHERE [l].[Name] = @", update.Text);
        Assert.Contains("([l].[Holder] = @", update.Text);
        Assert.Contains("OR [l].[ExpiresAt] < @", update.Text);
        Assert.Contains(update.Parameters, p => p.Value is "sla-monitor");
        Assert.Contains(update.Parameters, p => p.Value is string holder && holder == leases.Holder);
        var exists = recorder.Commands[1];
        Assert.Contains("EXISTS", exists.Text);
        Assert.Contains("[Leases]", exists.Text);
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

        /// <summary>Recorded, then run: on the connection that was never opened it fails, as a server that is away would.</summary>
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Commands.Add(new Command(command.CommandText, command.Parameters.Cast<DbParameter>().ToList()));
            return ValueTask.FromResult(result);
        }

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default) => ValueTask.FromResult(InterceptionResult.Suppress());

        public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result) => ValueTask.FromResult(InterceptionResult.Suppress());
    }
}
