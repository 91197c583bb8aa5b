using ClientRequests.ServiceDefaults.Settings;
using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.RateLimiting;

namespace ClientRequests.Gateway.Hardening;

/// <summary>Bound from <c>Gateway:RateLimit</c>: how many calls one caller may make per window.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Gateway:RateLimit";
    public int PermitLimit { get; set; } = 600;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public static class RateLimiting
{
    public static IHostApplicationBuilder AddCallerRateLimiting(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var limits = builder.AddSettings<RateLimitOptions>(RateLimitOptions.Section);
        // Built once: the partitioner runs on every call, so it allocates nothing for a caller it already knows.
        var window = new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitLimit, Window = limits.Window, QueueLimit = 0 };
        Func<CallerKey, RateLimiter> newLimiter = _ => new FixedWindowRateLimiter(window);
        services.AddRateLimiter(options =>
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, CallerKey>(context => Partition(context, newLimiter));
            options.OnRejected = RejectAsync;
        });
        return builder;
    }

    /// <summary>
    /// A signed-in caller is limited by user id, so one user cannot starve others behind the same NAT; an anonymous
    /// caller by address. Health probes are never limited: an orchestrator must not see a busy gateway as dead.
    /// </summary>
    static RateLimitPartition<CallerKey> Partition(HttpContext context, Func<CallerKey, RateLimiter> newLimiter)
    {
        if (context.Request.Path.StartsWithSegments("/health")) return RateLimitPartition.GetNoLimiter(new CallerKey(CallerKind.Probe, ""));
        var key = context.User.FindFirstValue(PlatformClaims.UserId) is { } userId
            ? new CallerKey(CallerKind.User, userId)
            : new CallerKey(CallerKind.Address, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return new RateLimitPartition<CallerKey>(key, newLimiter);
    }

    enum CallerKind { Probe, User, Address }

    /// <summary>A user id and an address never share an allowance, even when their texts are equal.</summary>
    readonly record struct CallerKey(CallerKind Kind, string Value);

    static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests.",
                Detail = $"This caller has used its {seconds}-second allowance; retry after {seconds} s.",
            },
        });
    }
}
