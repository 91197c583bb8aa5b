using System.Data.Common;

namespace ClientRequests.ServiceDefaults.Problems;

/// <summary>Whether an exception is the database's, however EF or the provider wrapped it: REST and gRPC answer it alike.</summary>
public static class DatabaseFailure
{
    /// <summary>The database's own exception anywhere in the chain of causes, or null.</summary>
    public static DbException? CauseOf(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
            if (e is DbException db) return db;
        return null;
    }
}
