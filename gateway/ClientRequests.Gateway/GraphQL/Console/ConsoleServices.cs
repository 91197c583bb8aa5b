using ClientRequests.Departments.Grpc;
using ClientRequests.Gateway.Hardening;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.Gateway.GraphQL.Console;

/// <summary>The clients service's REST API and the departments service's routing over gRPC, with the caller's token.</summary>
public static class ConsoleServices
{
    public const string ClientsRest = "clients-rest";

    public static IServiceCollection AddConsoleGraphQLServices(this IServiceCollection services)
    {
        services.AddHttpClient(ClientsRest, c => c.BaseAddress = new Uri("http://clients"))
            .AddHttpMessageHandler<BearerTokenPropagation>().AddHttpMessageHandler<CorrelationIdPropagation>();
        services.AddGrpcClient<DepartmentRouting.DepartmentRoutingClient>(o => o.Address = new Uri("http://_grpc.departments"))
            .AddInterceptor<Loaders.RpcErrors>().AddHttpMessageHandler<BearerTokenPropagation>().AddHttpMessageHandler<CorrelationIdPropagation>();
        return services;
    }
}
