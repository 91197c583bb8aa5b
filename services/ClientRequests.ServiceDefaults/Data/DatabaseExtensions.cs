using ClientRequests.ServiceDefaults.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the service's DbContext on the provider named by <c>Database:Provider</c> (Sqlite by default,
    /// or SqlServer). Each provider has its own context subclass so that it keeps its own migrations.
    /// Interceptors registered as <see cref="IInterceptor"/> (the outbox signal) are added to the context.
    /// The database is migrated (and the demo data seeded) at start, and checked by /health/ready.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext, TSqlite, TSqlServer>(this IHostApplicationBuilder builder, string name)
        where TContext : DbContext
        where TSqlite : TContext
        where TSqlServer : TContext
    {
        var provider = builder.Configuration["Database:Provider"] ?? DatabaseProvider.Sqlite;
        var connectionString = builder.Configuration.GetConnectionString(name);

        if (string.Equals(provider, DatabaseProvider.SqlServer, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException($"Database:Provider is SqlServer but ConnectionStrings:{name} is not set.");
            builder.Services.AddDbContext<TContext, TSqlServer>((services, o) => o.UseSqlServer(connectionString).AddInterceptors(services.GetServices<IInterceptor>()));
        }
        else if (string.Equals(provider, DatabaseProvider.Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            connectionString = SqliteConnectionString(builder.Configuration, name, connectionString);
            builder.Services.AddSingleton<IInterceptor, SqliteWriteGate>();
            builder.Services.AddSingleton<IInterceptor>(SqliteSynchronousMode.From(builder.Configuration["Database:SqliteSynchronous"]));
            builder.Services.AddDbContext<TContext, TSqlite>((services, o) => o.UseSqlite(connectionString).AddInterceptors(services.GetServices<IInterceptor>()));
        }
        else
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported: use Sqlite or SqlServer.");
        }

        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>($"{name}-database", tags: [ServiceDefaultsExtensions.ReadyTag]);
        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        return builder;
    }

    /// <summary>A file per service under <c>Data:Folder</c>; a busy timeout so the API, consumers and dispatcher can share it.</summary>
    static string SqliteConnectionString(IConfiguration configuration, string name, string? configured)
    {
        var csb = new SqliteConnectionStringBuilder(configured ?? "");
        if (string.IsNullOrEmpty(csb.DataSource))
        {
            var folder = Path.GetFullPath(configuration["Data:Folder"] ?? ".data");
            Directory.CreateDirectory(folder);
            csb.DataSource = Path.Combine(folder, $"{name}.db");
        }
        csb.DefaultTimeout = csb.DefaultTimeout is 30 or 0 ? 15 : csb.DefaultTimeout;
        csb.Pooling = true;
        return csb.ToString();
    }
}

public static class DatabaseProvider
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";
}
