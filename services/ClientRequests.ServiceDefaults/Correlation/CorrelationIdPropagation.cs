namespace ClientRequests.ServiceDefaults.Correlation;

/// <summary>
/// Passes the current correlation id on to every HTTP and gRPC call a service makes while serving a call or a message.
/// </summary>
public sealed class CorrelationIdPropagation : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (CorrelationId.Current is { } id && !request.Headers.Contains(CorrelationId.Header))
            request.Headers.TryAddWithoutValidation(CorrelationId.Header, id);
        return base.SendAsync(request, cancellationToken);
    }
}
