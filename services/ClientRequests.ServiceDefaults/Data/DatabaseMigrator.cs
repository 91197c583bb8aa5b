using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClientRequests.ServiceDefaults.Data;

/// <summary>
/// Migrates the database before the service takes traffic. A database that is down at start is logged and
/// retried in the background; /health/ready stays unhealthy meanwhile. Kubernetes runs the migration as a Job
/// (<c>Database:MigrateOnly=true</c>) and sets <c>Database:MigrateOnStart=false</c> on the services.
/// </summary>
public sealed class DatabaseMigrator<TContext>(IServiceProvider services, IConfiguration configuration, IHostApplicationLifetime lifetime,
    ILogger<DatabaseMigrator<TContext>> logger)
    : IHostedService where TContext : DbContext
{
    readonly CancellationTokenSource stopping = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Database:MigrateOnly=true is the Kubernetes migration Job: migrate, then exit (non-zero on failure).
        if (configuration.GetValue("Database:MigrateOnly", false))
        {
            var migrated = await TryMigrate(cancellationToken);
            Environment.ExitCode = migrated ? 0 : 1;
            lifetime.StopApplication();
            return;
        }
        if (!configuration.GetValue("Database:MigrateOnStart", true)) return;
        if (await TryMigrate(cancellationToken)) return;
        _ = Task.Run(RetryUntilMigrated, CancellationToken.None);
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        stopping.Cancel();
        return Task.CompletedTask;
    }

    async Task RetryUntilMigrated()
    {
        while (!stopping.IsCancellationRequested)
        {
            try { await Task.Delay(TimeSpan.FromSeconds(5), stopping.Token); }
            catch (OperationCanceledException) { return; }
            try
            {
                if (await TryMigrate(stopping.Token)) return;
            }
            catch (StartupRefusedException refused)
            {
                Console.Error.WriteLine($"{AppDomain.CurrentDomain.FriendlyName} stops: {refused.Message}");
                Environment.ExitCode = StartupRefusedException.ExitCode;
                lifetime.StopApplication();
                return;
            }
        }
    }

    async Task<bool> TryMigrate(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            if (db.Database.IsSqlite())
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);

            var seeder = scope.ServiceProvider.GetService<IDemoDataSeeder<TContext>>();
            if (seeder is not null && configuration.GetValue("Database:SeedDemoData", true))
                await seeder.SeedAsync(db, cancellationToken);
            return true;
        }
        catch (Exception e) when (RefusedCredentials(e) is { } refusal)
        {
            // Retrying cannot fix a wrong password: the service refuses to start instead of waiting unready forever.
            throw new StartupRefusedException($"database {typeof(TContext).Name} refused the configured credentials ({refusal})", e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Database {Context} could not be migrated; retrying in the background. The service is not ready until it is.", typeof(TContext).Name);
            return false;
        }
    }

    /// <summary>The server's words when it refused the login itself (not when it was merely unreachable).</summary>
    static string? RefusedCredentials(Exception? e) => e switch
    {
        null => null,
        // PostgreSQL: class 28, invalid authorization specification (28P01 is a wrong password).
        DbException { SqlState: { } state } when state.StartsWith("28", StringComparison.Ordinal) => e.Message,
        // SQL Server: 18456, login failed.
        Microsoft.Data.SqlClient.SqlException { Number: 18456 } => e.Message,
        _ => RefusedCredentials(e.InnerException),
    };
}
