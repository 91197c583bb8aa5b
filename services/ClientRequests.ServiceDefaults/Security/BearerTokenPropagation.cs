using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ClientRequests.ServiceDefaults.Security;

/// <summary>
/// Passes the caller's bearer token on to the services this one calls, so every service checks the same
/// user: a request never gains rights by going through another service.
/// </summary>
public sealed class BearerTokenPropagation(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var authorization = accessor.HttpContext?.Request.Headers[HeaderNames.Authorization].ToString();
        if (!string.IsNullOrEmpty(authorization) && request.Headers.Authorization is null)
            request.Headers.TryAddWithoutValidation(HeaderNames.Authorization, authorization);
        return base.SendAsync(request, cancellationToken);
    }
}
