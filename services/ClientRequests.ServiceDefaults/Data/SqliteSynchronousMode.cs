using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ClientRequests.ServiceDefaults.Data;

/// <summary>
/// Sets SQLite's <c>synchronous</c> pragma on every connection the service opens (it is per connection, not stored
/// in the file). In WAL mode, FULL syncs the log on every commit: about 10 ms on this machine's disk, and with one
/// writer per file that caps a service at about 100 commits/s. NORMAL syncs only at checkpoints: a commit survives a
/// killed process, and the file stays consistent after a power loss, which may roll back the last commits
/// (ADR 0016). <c>Database:SqliteSynchronous</c> chooses; NORMAL by default.
/// </summary>
public sealed class SqliteSynchronousMode(string mode) : DbConnectionInterceptor
{
    public const string Normal = "NORMAL";
    public const string Full = "FULL";

    readonly string pragma = $"PRAGMA synchronous={mode};";

    /// <summary>NORMAL or FULL from configuration, case-insensitively; anything else is a configuration error.</summary>
    public static SqliteSynchronousMode From(string? configured) => configured?.ToUpperInvariant() switch
    {
        null or "" or Normal => new(Normal),
        Full => new(Full),
        _ => throw new InvalidOperationException($"Database:SqliteSynchronous '{configured}' is not supported: use Normal or Full."),
    };

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
