using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ClientRequests.ServiceDefaults.Problems;

public static class RetryAfterOnUnavailable
{
    const string Seconds = "5";

    /// <summary>
    /// Every 503 tells the caller when to come back, whichever path produced it (a database error, a dependency that
    /// did not answer, an unhealthy health check), so clients and the gateway back off instead of hammering.
    /// </summary>
    public static IApplicationBuilder UseRetryAfterOnUnavailable(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var response = context.Response;
        response.OnStarting(() =>
        {
            if (response.StatusCode == StatusCodes.Status503ServiceUnavailable && !response.Headers.ContainsKey("Retry-After"))
                response.Headers.RetryAfter = Seconds;
            return Task.CompletedTask;
        });
        return next(context);
    });
}
