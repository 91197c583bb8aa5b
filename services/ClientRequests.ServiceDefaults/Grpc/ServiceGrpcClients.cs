using ClientRequests.ServiceDefaults.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.ServiceDefaults.Grpc;

/// <summary>The one way a process reaches another service's gRPC API.</summary>
public static class ServiceGrpcClients
{
    /// <summary>
    /// A gRPC client of <paramref name="service"/>'s gRPC endpoint, by its logical name (service discovery resolves
    /// <c>_grpc.{service}</c>), carrying the caller's token (every service applies its own access rules to what it is
    /// asked) and, as every HttpClient does, the correlation id.
    /// </summary>
    public static IHttpClientBuilder AddServiceGrpcClient<TClient>(this IServiceCollection services, string service) where TClient : class =>
        services.AddGrpcClient<TClient>(o => o.Address = new Uri($"http://_grpc.{service}"))
            .AddHttpMessageHandler<BearerTokenPropagation>();
}
