using System.Diagnostics;

namespace ClientRequests.Gateway.Hardening;

/// <summary>
/// Gives every call one id that the caller, the gateway's logs and traces, and every service see: taken from
/// <c>X-Correlation-Id</c> when the caller sends one, generated otherwise.
/// </summary>
public static class CorrelationId
{
    public const string Header = "X-Correlation-Id";
    public const string ActivityTag = "correlation.id";
    const int MaxLength = 128;

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var id = context.Request.Headers[Header].ToString();
        // A caller's value is echoed into logs and headers: accept only a short, printable one.
        if (id.Length is 0 or > MaxLength || id.AsSpan().ContainsAnyExceptInRange('\x21', '\x7e'))
            id = Guid.NewGuid().ToString("N");
        // Set on the request itself, so YARP forwards it with the other headers.
        context.Request.Headers[Header] = id;
        context.Items[Header] = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag(ActivityTag, id);
        await next(context);
    });
}

/// <summary>Passes the correlation id on to the services GraphQL calls (YARP forwards it by itself).</summary>
public sealed class CorrelationIdPropagation(IHttpContextAccessor accessor) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (accessor.HttpContext?.Items[CorrelationId.Header] is string id && !request.Headers.Contains(CorrelationId.Header))
            request.Headers.TryAddWithoutValidation(CorrelationId.Header, id);
        return base.SendAsync(request, cancellationToken);
    }
}
