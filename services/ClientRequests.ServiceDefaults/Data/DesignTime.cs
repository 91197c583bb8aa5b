using Microsoft.EntityFrameworkCore;

namespace ClientRequests.ServiceDefaults.Data;

/// <summary>Options for `dotnet ef` at design time: the provider only, no real database is opened.</summary>
public static class DesignTime
{
    public static DbContextOptions<T> Sqlite<T>() where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseSqlite("Data Source=design-time.db").Options;

    public static DbContextOptions<T> SqlServer<T>() where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseSqlServer("Server=design-time;Database=design-time;Trusted_Connection=True").Options;

    public static DbContextOptions<T> PostgreSql<T>() where T : DbContext =>
        new DbContextOptionsBuilder<T>().UseNpgsql("Host=design-time;Database=design-time").Options;
}
