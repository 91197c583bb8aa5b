using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClientRequests.ServiceDefaults.Correlation;

/// <summary>
/// Gives every call one id that the caller, every process's logs and traces see: taken from <c>X-Correlation-Id</c>
/// when the caller (or the calling service) sends one, generated otherwise; echoed on the response, forwarded on
/// every outgoing call (<see cref="CorrelationIdPropagation"/>) and on every message written while serving it (the
/// outbox keeps it; consumers take it up again, ClientRequests.Messaging).
/// </summary>
public static class CorrelationId
{
    public const string Header = "X-Correlation-Id";
    public const string ActivityTag = "correlation.id";
    public const string LogScopeKey = "CorrelationId";
    const int MaxLength = 128;

    static readonly AsyncLocal<string?> ambient = new();

    /// <summary>The id of the call or message this code runs for, or null outside one.</summary>
    public static string? Current => ambient.Value;

    /// <summary>Makes <paramref name="id"/> current for the code that runs until the result is disposed.</summary>
    public static IDisposable Begin(string id)
    {
        var outer = ambient.Value;
        ambient.Value = id;
        return new Restore(outer);
    }

    sealed class Restore(string? outer) : IDisposable
    {
        public void Dispose() => ambient.Value = outer;
    }

    /// <summary>A caller's value is echoed into logs and headers: only a short, printable one is taken.</summary>
    public static bool IsAcceptable(string id) => id.Length is > 0 and <= MaxLength && !id.AsSpan().ContainsAnyExceptInRange('\x21', '\x7e');

    public static IApplicationBuilder UseCorrelationId(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var id = context.Request.Headers[Header].ToString();
        if (!IsAcceptable(id)) id = Guid.NewGuid().ToString("N");
        // Set on the request itself, so that a proxy (the gateway's YARP) forwards it with the other headers.
        context.Request.Headers[Header] = id;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = id;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag(ActivityTag, id);
        // Every log record written for this call carries the id (an exporter with scopes, ServiceDefaults' telemetry).
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("ClientRequests.Correlation");
        using (Begin(id))
        using (logger.BeginScope(new Dictionary<string, object> { [LogScopeKey] = id }))
            await next(context);
    });
}
