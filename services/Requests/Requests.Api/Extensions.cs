using ClientRequests.ServiceDefaults.Settings;
using ClientRequests.Clients.Grpc;
using ClientRequests.Requests.Apis;
using ClientRequests.Departments.Grpc;
using ClientRequests.Requests.Consumers;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Grpc;
using ClientRequests.Requests.Sla;
using ClientRequests.Requests.Teams;
using ClientRequests.ServiceDefaults.Grpc;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.Requests;

public static class Extensions
{
    public static IHostApplicationBuilder AddRequestsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<RequestsDbContext, SqliteRequestsDbContext, SqlServerRequestsDbContext, PostgreSqlRequestsDbContext>("requests");
        builder.AddMessaging<RequestsDbContext>(bus =>
        {
            bus.AddConsumer<WorkItemQueuedConsumer>();
            bus.AddConsumer<WorkItemClaimedConsumer>();
            bus.AddConsumer<WorkItemStartedConsumer>();
            bus.AddConsumer<WorkItemCompletedConsumer>();
            bus.AddConsumer<WorkItemRejectedConsumer>();
            bus.AddConsumer<WorkItemHandedOverConsumer>();
            bus.AddConsumer<ClientRegisteredConsumer>();
            bus.AddConsumer<AccountTeamChangedConsumer>();
        });

        // Logical names, resolved by service discovery; the caller's token goes along.
        builder.Services.AddServiceGrpcClient<ClientDirectory.ClientDirectoryClient>("clients");
        builder.Services.AddServiceGrpcClient<DepartmentRouting.DepartmentRoutingClient>("departments");
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<ClientLookup>();
        builder.Services.AddScoped<RequestAccess>();
        builder.Services.AddScoped<Intake>();
        builder.Services.AddSingleton<RequestTypes>();

        builder.AddSettings<SlaOptions>(SlaOptions.Section);
        builder.Services.AddSingleton<SlaPolicies>();
        // After the database migrator (AddServiceDatabase above): seeds the first version, then follows new ones.
        builder.Services.AddHostedService<SlaPolicyRefresher>();
        builder.Services.AddSingleton<RequestClocks>();
        builder.Services.AddHostedService<SlaMonitor>();
        // Who is on each client's team now: event-fed, rebuilt from the directory on start (ADR 0029).
        builder.AddSettings<TeamOptions>(TeamOptions.Section);
        builder.Services.AddSingleton<ServiceToken>();
        builder.Services.AddSingleton<TeamDirectorySync>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TeamDirectorySync>());
        // Degraded before the first rebuild (an empty projection answers the account teams with empty lists), not unready.
        builder.Services.AddHealthChecks().AddCheck<TeamProjectionHealth>("team-projection", tags: [ServiceDefaultsExtensions.ReadyTag]);

        builder.Services.AddGrpc();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapRequestsGrpc(this WebApplication app)
    {
        app.MapGrpcService<RequestDirectoryService>();
        return app;
    }
}
