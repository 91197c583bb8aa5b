using global::GraphQL;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ClientRequests.Gateway.GraphQL.Loaders;

/// <summary>
/// Turns a service's gRPC status into a GraphQL error with a code the caller can act on. Only InvalidArgument keeps the
/// service's text (it names the field); every other status gets a fixed message, so no internals leak.
/// </summary>
public sealed class RpcErrors : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, context);
        return new AsyncUnaryCall<TResponse>(TranslateAsync(call.ResponseAsync), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    static async Task<TResponse> TranslateAsync<TResponse>(Task<TResponse> response)
    {
        try
        {
            return await response;
        }
        catch (RpcException rpc) when (rpc.StatusCode is not (StatusCode.Cancelled or StatusCode.DeadlineExceeded))
        {
            throw rpc.StatusCode switch
            {
                StatusCode.InvalidArgument => new ExecutionError(rpc.Status.Detail) { Code = "BAD_REQUEST" },
                StatusCode.NotFound => new ExecutionError("Not found.") { Code = "NOT_FOUND" },
                StatusCode.PermissionDenied => new ExecutionError("Not allowed.") { Code = "FORBIDDEN" },
                StatusCode.Unauthenticated => new ExecutionError("Not signed in.") { Code = "UNAUTHENTICATED" },
                _ => new ExecutionError("A service this field depends on is unavailable.") { Code = "SERVICE_UNAVAILABLE" },
            };
        }
    }
}
