using ClientRequests.Gateway.GraphQL.Transport;
using ClientRequests.Gateway.GraphQL;
using ClientRequests.Gateway.Hardening;
using ClientRequests.ServiceDefaults.Correlation;
using Microsoft.AspNetCore.HttpOverrides;

namespace ClientRequests.Gateway;

public static class Extensions
{
    public const int MaxRequestLine = 64 * 1024;

    public static IHostApplicationBuilder AddGatewayServices(this IHostApplicationBuilder builder)
    {
        var proxyConfiguration = builder.Configuration.GetSection("ReverseProxy");
        RoutePolicies.EnsureEveryRouteHasAPolicy(proxyConfiguration);
        // Routes and clusters are configuration; destinations are logical names resolved by service discovery.
        builder.Services.AddReverseProxy()
            .LoadFromConfig(proxyConfiguration)
            .AddServiceDiscoveryDestinationResolver()
            .AddReplicaHealthChecks(builder.Configuration);

        // Behind a load balancer the caller's address and scheme arrive in X-Forwarded-*; only loopback proxies
        // are trusted unless a site adds its own (KnownProxies / KnownNetworks).
        builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        builder.AddCallerRateLimiting();
        // GraphQL over GET carries the whole document in the URL; past Kestrel's 8 KB request line the caller would get
        // a bare 414 from the server, before any of our code could say why. Beyond this, Kestrel's 414 stands.
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(
            k => k.Limits.MaxRequestLineSize = MaxRequestLine);
        builder.Services.AddScoped<GraphQLExecution>();
        builder.AddGatewayGraphQL();
        return builder;
    }

    /// <summary>The order matters: the caller's address first, then the id, auth, and the limiter that needs the user.</summary>
    public static WebApplication UseGatewayPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseCorrelationId();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }
}
