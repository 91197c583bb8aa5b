using Microsoft.AspNetCore.Mvc;
using System.Globalization;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;

namespace ClientRequests.Gateway.Hardening;

/// <summary>
/// Several instances per service (service discovery gives each logical name several endpoints): the gateway balances
/// across them, stops sending to one that fails or is not ready, and when no instance answers it says so with a 503
/// ProblemDetails and <c>Retry-After</c> instead of a bare 502.
/// </summary>
public static class ReplicaRouting
{
    public const int RetryAfterSeconds = 5;
    const string HealthChecksSetting = "Gateway:ReplicaHealthChecks";

    /// <summary>
    /// With <c>Gateway:ReplicaHealthChecks=true</c> (the production shape) every cluster probes its instances'
    /// /health/ready and drops the ones failing requests. Off by default: with one instance per service, marking the
    /// only instance unhealthy after a passing failure would turn a blip into seconds of 503s.
    /// </summary>
    public static IReverseProxyBuilder AddReplicaHealthChecks(this IReverseProxyBuilder proxy, IConfiguration configuration)
    {
        if (configuration.GetValue(HealthChecksSetting, false)) proxy.AddConfigFilter<ReplicaHealthChecks>();
        return proxy;
    }

    /// <summary>The proxy pipeline's balancing steps (a custom pipeline has none by itself), inside the 503 translation.</summary>
    public static IReverseProxyApplicationBuilder UseReplicaBalancing(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(UnavailableAsProblemAsync);
        proxy.UseSessionAffinity();
        proxy.UseLoadBalancing();
        proxy.UsePassiveHealthChecks();
        return proxy;
    }

    static async Task UnavailableAsProblemAsync(HttpContext context, Func<Task> next)
    {
        await next();
        // NoAvailableDestinations: every instance is down or unhealthy. Request: the chosen one refused the connection
        // (a replica that just died, before the health checks noticed) or dropped it after taking the request.
        var error = context.GetForwarderErrorFeature();
        if (error?.Error is not (ForwarderError.NoAvailableDestinations or ForwarderError.Request) || context.Response.HasStarted)
            return;
        var service = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
        // A write the instance received may have committed before it died: saying "unavailable, nothing done" would
        // be a lie the caller acts on. It gets a 502 that says the outcome is unknown and how to retry safely.
        var outcomeUnknown = error.Error == ForwarderError.Request && !NeverSent(error.Exception)
            && !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method));
        var status = outcomeUnknown ? StatusCodes.Status502BadGateway : StatusCodes.Status503ServiceUnavailable;
        context.Response.Clear();
        context.Response.StatusCode = status;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = outcomeUnknown
                ? new ProblemDetails
                {
                    Status = status,
                    Title = "The service stopped before answering.",
                    Detail = $"The {service} instance that took this call stopped before it answered: it may or may not have been " +
                        $"recorded. Retry after {RetryAfterSeconds} s with the same Idempotency-Key (or external reference); it is not recorded twice.",
                }
                : new ProblemDetails
                {
                    Status = status,
                    Title = "Service unavailable.",
                    Detail = $"No instance of the {service} service answered; retry after {RetryAfterSeconds} s.",
                },
        });
    }

    /// <summary>The connection was never made, so the instance never saw the call.</summary>
    static bool NeverSent(Exception? exception) =>
        exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError }
        || exception?.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError };

    sealed class ReplicaHealthChecks : IProxyConfigFilter
    {
        public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) => new(cluster with
        {
            HealthCheck = new HealthCheckConfig
            {
                // With every instance unhealthy YARP would by default try them all anyway ("panic") and hang the caller
                // on a dead one; no available instance is a 503 with Retry-After instead.
                AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyAndUnknown,
                // A transport failure rate above 30 % over the last minute (at least 10 requests) takes an instance
                // out for 10 s; the active probe brings it back as soon as it is ready again.
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true, Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate, ReactivationPeriod = TimeSpan.FromSeconds(10),
                },
                // Two failed probes in a row (3 s apart) take an instance out: a killed replica stops getting traffic within ~6 s.
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true, Interval = TimeSpan.FromSeconds(3), Timeout = TimeSpan.FromSeconds(2),
                    Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures, Path = "/health/ready",
                },
            },
        });

        public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) => new(route);
    }
}
