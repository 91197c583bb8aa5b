using ClientRequests.Requests.Data;
using Microsoft.EntityFrameworkCore;

namespace Requests.Benchmarks;

static class Database
{
    /// <summary>The service's SQLite context, configured as the service configures it (WAL, busy timeout, pooled connections).</summary>
    public static SqliteRequestsDbContext Open(string path) =>
        new(new DbContextOptionsBuilder<SqliteRequestsDbContext>()
            .UseSqlite($"Data Source={path};Default Timeout=15;Pooling=True")
            .Options);
}
