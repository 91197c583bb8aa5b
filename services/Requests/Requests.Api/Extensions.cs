using ClientRequests.Clients.Grpc;
using ClientRequests.Requests.Apis;
using ClientRequests.Departments.Grpc;
using ClientRequests.Requests.Consumers;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Grpc;
using ClientRequests.Requests.Sla;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.Requests;

public static class Extensions
{
    public static IHostApplicationBuilder AddRequestsServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<RequestsDbContext, SqliteRequestsDbContext, SqlServerRequestsDbContext>("requests");
        builder.AddMessaging<RequestsDbContext>(bus =>
        {
            bus.AddConsumer<WorkItemQueuedConsumer>();
            bus.AddConsumer<WorkItemClaimedConsumer>();
            bus.AddConsumer<WorkItemStartedConsumer>();
            bus.AddConsumer<WorkItemCompletedConsumer>();
            bus.AddConsumer<WorkItemRejectedConsumer>();
            bus.AddConsumer<WorkItemHandedOverConsumer>();
        });

        // Logical names, resolved by service discovery; the caller's token goes along.
        builder.Services.AddGrpcClient<ClientDirectory.ClientDirectoryClient>(o => o.Address = new Uri("http://_grpc.clients"))
            .AddHttpMessageHandler<BearerTokenPropagation>();
        builder.Services.AddGrpcClient<DepartmentRouting.DepartmentRoutingClient>(o => o.Address = new Uri("http://_grpc.departments"))
            .AddHttpMessageHandler<BearerTokenPropagation>();
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<ClientLookup>();
        builder.Services.AddScoped<RequestAccess>();
        builder.Services.AddScoped<Intake>();
        builder.Services.AddSingleton<RequestTypes>();

        builder.Services.AddOptions<SlaOptions>().BindConfiguration(SlaOptions.Section);
        builder.Services.AddSingleton<RequestClocks>();
        builder.Services.AddHostedService<SlaMonitor>();

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
