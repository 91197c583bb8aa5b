using ClientRequests.ServiceDefaults.Correlation;
using ClientRequests.ServiceDefaults.Grpc;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Microsoft.Extensions.Hosting;

/// <summary>What every process of the platform has: telemetry, health, discovery, auth and ProblemDetails.</summary>
public static class ServiceDefaultsExtensions
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        ClientRequests.ServiceDefaults.Data.StartupRefusedException.InstallHandler();
        builder.AddTelemetry();

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);

        builder.Services.AddHttpContextAccessor();
        builder.Services.AddTransient<BearerTokenPropagation>();
        builder.Services.AddTransient<CorrelationIdPropagation>();
        builder.Services.AddServiceDiscovery();
        // Configuration stays the default; Eureka joins only where Eureka:Client:ServiceUrl is set.
        builder.AddEurekaServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery().AddHttpMessageHandler<CorrelationIdPropagation>());

        builder.AddPlatformProblemDetails();
        builder.Services.Configure<Grpc.AspNetCore.Server.GrpcServiceOptions>(grpc => grpc.Interceptors.Add<DatabaseUnavailableInterceptor>());
        builder.AddPlatformAuthentication();
        return builder;
    }

    /// <summary>The pipeline every service shares: the correlation id, ProblemDetails for errors and status codes, authentication,
    /// authorization, and the health endpoints.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseCorrelationId();
        app.UseRetryAfterOnUnavailable();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMalformedGrpcMessagesAsInvalidArgument();
        return app.MapDefaultEndpoints();
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) })
            .AllowAnonymous();
        // Ready: the database and the broker (MassTransit tags its bus check "ready").
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) })
            .AllowAnonymous();
        return app;
    }
}
