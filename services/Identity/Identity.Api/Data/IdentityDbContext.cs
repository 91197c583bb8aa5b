using ClientRequests.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ClientRequests.Identity.Data;

/// <summary>OpenIddict's applications, authorizations, scopes and tokens (authorization codes, refresh tokens).</summary>
public class IdentityDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.UseOpenIddict();
    }
}

public sealed class SqliteIdentityDbContext(DbContextOptions<SqliteIdentityDbContext> options) : IdentityDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) => SqliteConventions.Apply(configuration);
}

public sealed class SqlServerIdentityDbContext(DbContextOptions<SqlServerIdentityDbContext> options) : IdentityDbContext(options);

public sealed class PostgreSqlIdentityDbContext(DbContextOptions<PostgreSqlIdentityDbContext> options) : IdentityDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration) => PostgreSqlConventions.Apply(configuration);
}

sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteIdentityDbContext>
{
    public SqliteIdentityDbContext CreateDbContext(string[] args) => new(DesignTime.Sqlite<SqliteIdentityDbContext>());
}

sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerIdentityDbContext>
{
    public SqlServerIdentityDbContext CreateDbContext(string[] args) => new(DesignTime.SqlServer<SqlServerIdentityDbContext>());
}

sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlIdentityDbContext>
{
    public PostgreSqlIdentityDbContext CreateDbContext(string[] args) => new(DesignTime.PostgreSql<PostgreSqlIdentityDbContext>());
}
