using Microsoft.AspNetCore.Http;

namespace ClientRequests.ServiceDefaults.Correlation;

/// <summary>Passes the call's correlation id on to every HTTP and gRPC call a service makes while serving it.</summary>
public sealed class CorrelationIdPropagation(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (CorrelationId.Current(accessor.HttpContext) is { } id && !request.Headers.Contains(CorrelationId.Header))
            request.Headers.TryAddWithoutValidation(CorrelationId.Header, id);
        return base.SendAsync(request, cancellationToken);
    }
}
