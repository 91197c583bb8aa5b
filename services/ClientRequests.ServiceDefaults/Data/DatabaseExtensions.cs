using ClientRequests.ServiceDefaults.Data;
using ClientRequests.ServiceDefaults.Data.Leases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.Hosting;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the service's DbContext on the provider named by <c>Database:Provider</c> (Sqlite by default,
    /// SqlServer or PostgreSql). Each provider has its own context subclass so that it keeps its own migrations.
    /// Interceptors registered as <see cref="IInterceptor"/> (the outbox signal) are added to the context.
    /// The database is migrated (and the demo data seeded) at start, and checked by /health/ready.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext, TSqlite, TSqlServer, TPostgreSql>(this IHostApplicationBuilder builder, string name)
        where TContext : DbContext
        where TSqlite : TContext
        where TSqlServer : TContext
        where TPostgreSql : TContext =>
        builder.AddServiceDatabase<TContext, TSqlite, TSqlServer>(name, (services, connectionString) =>
            services.AddDbContext<TContext, TPostgreSql>((provider, o) => o
                .UseNpgsql(connectionString)
                .AddInterceptors(provider.GetServices<IInterceptor>())));

    /// <summary>A service without PostgreSQL migrations (yet): Sqlite or SqlServer only.</summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext, TSqlite, TSqlServer>(this IHostApplicationBuilder builder, string name)
        where TContext : DbContext
        where TSqlite : TContext
        where TSqlServer : TContext =>
        builder.AddServiceDatabase<TContext, TSqlite, TSqlServer>(name, null);

    static IHostApplicationBuilder AddServiceDatabase<TContext, TSqlite, TSqlServer>(this IHostApplicationBuilder builder, string name,
        Action<IServiceCollection, string>? addPostgreSql)
        where TContext : DbContext
        where TSqlite : TContext
        where TSqlServer : TContext
    {
        var provider = builder.Configuration["Database:Provider"] ?? DatabaseProvider.Sqlite;
        var connectionString = builder.Configuration.GetConnectionString(name);
        var supported = addPostgreSql is null ? "Sqlite or SqlServer" : "Sqlite, SqlServer or PostgreSql";

        if (string.Equals(provider, DatabaseProvider.SqlServer, StringComparison.OrdinalIgnoreCase))
        {
            builder.Services.AddDbContext<TContext, TSqlServer>((services, o) => o.UseSqlServer(Required(connectionString, provider, name)).AddInterceptors(services.GetServices<IInterceptor>()));
        }
        else if (addPostgreSql is not null && string.Equals(provider, DatabaseProvider.PostgreSql, StringComparison.OrdinalIgnoreCase))
        {
            addPostgreSql(builder.Services, Required(connectionString, provider, name));
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
            throw new StartupRefusedException($"Database:Provider '{provider}' is not supported: use {supported}.");
        }

        builder.Services.AddHealthChecks().AddDbContextCheck<TContext>($"{name}-database", tags: [ServiceDefaultsExtensions.ReadyTag]);
        builder.Services.AddHostedService<DatabaseMigrator<TContext>>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<JobLeases<TContext>>();
        return builder;
    }

    static string Required(string? connectionString, string provider, string name) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new StartupRefusedException($"Database:Provider is {provider} but ConnectionStrings:{name} is not set.")
            : connectionString;

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
