using ClientRequests.ServiceDefaults.Problems;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ClientRequests.ServiceDefaults.Grpc;

/// <summary>
/// A gRPC method whose database fails answers <c>Unavailable</c>, as REST answers 503: without this grpc-dotnet answers
/// <c>Unknown</c>, which a calling service cannot tell from a bug (the production shape's chaos run saw a PostgreSQL
/// restart in the clients service become a 500 in the requests service).
/// </summary>
public sealed class DatabaseUnavailableInterceptor : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try { return await continuation(request, context); }
        catch (Exception e) when (e is not RpcException && (DatabaseFailure.CauseOf(e) is not null || e is TimeoutException))
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The service's database is unavailable. Try again shortly."));
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try { await continuation(request, responseStream, context); }
        catch (Exception e) when (e is not RpcException && (DatabaseFailure.CauseOf(e) is not null || e is TimeoutException))
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The service's database is unavailable. Try again shortly."));
        }
    }
}
