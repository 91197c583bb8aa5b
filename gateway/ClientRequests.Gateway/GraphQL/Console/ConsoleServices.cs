using ClientRequests.Departments.Grpc;
using ClientRequests.ServiceDefaults.Grpc;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.Gateway.GraphQL.Console;

/// <summary>The clients service's and the departments service's REST APIs and the departments' routing over gRPC, with the caller's token.</summary>
public static class ConsoleServices
{
    public const string ClientsRest = "clients-rest";
    /// <summary>The queue steps: departments.proto is read-only.</summary>
    public const string DepartmentsRest = "departments-rest";

    public static IServiceCollection AddConsoleGraphQLServices(this IServiceCollection services)
    {
        services.AddHttpClient(ClientsRest, c => c.BaseAddress = new Uri("http://clients"))
            .AddHttpMessageHandler<BearerTokenPropagation>();
        services.AddHttpClient(DepartmentsRest, c => c.BaseAddress = new Uri("http://departments"))
            .AddHttpMessageHandler<BearerTokenPropagation>();
        services.AddServiceGrpcClient<DepartmentRouting.DepartmentRoutingClient>("departments").AddInterceptor<Loaders.RpcErrors>();
        return services;
    }
}
