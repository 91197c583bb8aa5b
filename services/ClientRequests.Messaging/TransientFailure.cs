using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Messaging;

/// <summary>
/// Failures that go away by themselves: the database busy, locked, read-only for a while or unreachable, a timeout.
/// A consumer hitting one of these keeps its message for minutes instead of seconds, so an outage of the database
/// never moves good messages to <c>_error</c>.
/// </summary>
public static class TransientFailure
{
    // SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN
    static readonly HashSet<int> PassingSqliteErrors = [5, 6, 8, 10, 13, 14];

    public static bool Is(Exception exception) => exception switch
    {
        PassingFailureException => true,
        DbUpdateConcurrencyException => false,
        DbUpdateException { InnerException: { } inner } => Is(inner),
        SqliteException sqlite => PassingSqliteErrors.Contains(sqlite.SqliteErrorCode),
        DbException database => database.IsTransient,
        TimeoutException or HttpRequestException => true,
        // EF's "likely due to a transient failure" around the provider's exception, when no retrying strategy is set.
        InvalidOperationException { InnerException: DbException inner } => Is(inner),
        _ => false,
    };
}
