using ClientRequests.Departments.Apis;
using ClientRequests.Departments.Consumers;
using ClientRequests.Departments.Data;
using ClientRequests.Departments.Queues;
using ClientRequests.ServiceDefaults.Data;

namespace ClientRequests.Departments;

public static class Extensions
{
    public static IHostApplicationBuilder AddDepartmentsServices(this IHostApplicationBuilder builder)
    {
        // AddServiceDatabase adds every registered IInterceptor to the context.
        builder.AddServiceDatabase<DepartmentsDbContext, SqliteDepartmentsDbContext, SqlServerDepartmentsDbContext, PostgreSqlDepartmentsDbContext>("departments");
        builder.Services.AddScoped<IDemoDataSeeder<DepartmentsDbContext>, DemoData>();

        // AssignWorkItem is consumed from each managed department's own queue, connected by DepartmentQueues.
        builder.AddMessaging<DepartmentsDbContext>(bus =>
        {
            bus.AddConsumer<AssignWorkItemConsumer>().ExcludeFromConfigureEndpoints();
            bus.AddConsumer<WorkItemClockChangedConsumer>();
            bus.AddConsumer<WorkItemWithdrawnConsumer>();
            bus.AddConsumer<RequestEditedConsumer>();
        });
        builder.Services.AddSingleton<QuorumQueueDeclarer>();
        builder.Services.AddSingleton<DepartmentQueues>();
        builder.Services.AddHealthChecks().AddCheck<DepartmentQueues>("department-queues", tags: [ServiceDefaultsExtensions.ReadyTag]);
        builder.Services.AddHostedService<DepartmentQueuesStarter>();
        builder.Services.AddSingleton<AssignmentSignal>();
        builder.Services.AddHostedService<LoadAwareAssigner>();
        builder.Services.AddScoped<WorkItemStep>();

        builder.Services.AddGrpc();
        builder.Services.AddOpenApi();
        return builder;
    }
}
