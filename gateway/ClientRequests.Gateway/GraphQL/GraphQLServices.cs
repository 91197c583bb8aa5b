using ClientRequests.ServiceDefaults.Settings;
using ClientRequests.Clients.Grpc;
using ClientRequests.Departments.Grpc;
using ClientRequests.Gateway.Events;
using ClientRequests.Gateway.GraphQL.Console;
using ClientRequests.Gateway.GraphQL.Loaders;
using ClientRequests.Notifications.Grpc;
using ClientRequests.Requests.Grpc;
using ClientRequests.ServiceDefaults.Grpc;
using ClientRequests.ServiceDefaults.Security;
using global::GraphQL;
using global::GraphQL.Execution;
using global::GraphQL.Validation.Rules.Custom;
using Grpc.Core;

namespace ClientRequests.Gateway.GraphQL;

public static class GraphQLServices
{
    public static IHostApplicationBuilder AddGatewayGraphQL(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = builder.AddSettings<GraphQLOptions>(GraphQLOptions.Section);

        // Every call carries the caller's token, so each service applies its own access rules to what GraphQL asks.
        services.AddSingleton<RpcErrors>();
        services.AddServiceGrpcClient<ClientDirectory.ClientDirectoryClient>("clients").AddInterceptor<RpcErrors>();
        services.AddServiceGrpcClient<RequestDirectory.RequestDirectoryClient>("requests").AddInterceptor<RpcErrors>();
        services.AddServiceGrpcClient<DepartmentDirectory.DepartmentDirectoryClient>("departments").AddInterceptor<RpcErrors>();
        services.AddServiceGrpcClient<NotificationInbox.NotificationInboxClient>("notifications").AddInterceptor<RpcErrors>();
        services.AddHttpClient(Rest.Requests, c => c.BaseAddress = new Uri("http://requests"))
            .AddHttpMessageHandler<BearerTokenPropagation>();

        services.AddConsoleGraphQLServices();

        // Scoped: a loader batches and caches within one HTTP request, never across callers.
        AddLoader<ClientLoader>(services);
        AddLoader<RequestLoader>(services);
        AddLoader<TimelineLoader>(services);
        AddLoader<DepartmentLoader>(services);
        AddLoader<QueueLoader>(services);
        AddLoader<LoadLoader>(services);
        AddLoader<AssignedWorkLoader>(services);
        AddLoader<InboxLoader>(services);
        AddLoader<ContactsLoader>(services);
        AddLoader<PeopleLoader>(services);
        AddLoader<ClientActivityLoader>(services);
        builder.AddPlatformEventFeed();

        var development = builder.Environment.IsDevelopment();
        services.AddGraphQL(graphQL =>
        {
            graphQL.AddSchema<GatewaySchema>()
                .AddGraphTypes(typeof(GatewaySchema).Assembly)
                .AddSystemTextJson()
                .AddComplexityAnalyzer(c =>
                {
                    c.MaxDepth = options.MaxDepth;
                    c.MaxComplexity = options.MaxComplexity;
                })
                // Messages of our own errors only; never exception types or stack traces.
                .AddErrorInfoProvider(e => e.ExposeExceptionDetails = false)
                .AddUnhandledExceptionHandler(DescribeServiceFailure);
            // Outside Development the schema is not for browsing (OWASP API9: do not hand out the map).
            if (!development) graphQL.AddValidationRule(_ => NoIntrospectionValidationRule.Instance, useForCachedDocuments: true);
        });
        return builder;
    }

    static void AddLoader<TLoader>(IServiceCollection services) where TLoader : class, IBatchLoader
    {
        services.AddScoped<TLoader>();
        services.AddScoped<IBatchLoader>(provider => provider.GetRequiredService<TLoader>());
    }

    /// <summary>What <see cref="RpcErrors"/> leaves over: a deadline or a cancelled call.</summary>
    static void DescribeServiceFailure(UnhandledExceptionContext context)
    {
        if (context.Exception is RpcException) context.ErrorMessage = "The service did not answer in time.";
    }
}
