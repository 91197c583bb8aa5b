using ClientRequests.ServiceDefaults.Settings;
using System.Net;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

public static class AuthenticationExtensions
{
    /// <summary>The HttpClient that fetches the provider's discovery document and keys (service discovery applies to it).</summary>
    public const string MetadataClient = "auth-metadata";

    /// <summary>
    /// Bearer tokens from the OpenID Connect provider at <c>Auth:Authority</c>: its discovery document and key set are
    /// fetched on the first token, kept, fetched again every <see cref="AuthOptions.AutomaticRefreshInterval"/> and at
    /// once (at most every <see cref="AuthOptions.RefreshInterval"/>) when a token names a key not seen yet.
    /// Signature (asymmetric only), issuer, audience and lifetime are checked; claims are mapped by <see cref="ClaimMapping"/>.
    /// </summary>
    public static TBuilder AddPlatformAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var development = builder.Environment.IsDevelopment();
        var auth = builder.AddSettings<AuthOptions>(AuthOptions.Section, a =>
        {
            if (string.IsNullOrWhiteSpace(a.Authority) && development) a.Authority = AuthOptions.DevelopmentAuthority;
        });
        if (string.IsNullOrWhiteSpace(auth.Authority))
            throw new InvalidOperationException("Auth:Authority must be configured outside Development (the identity provider's issuer address).");
        if (auth.Algorithms.Any(a => a.StartsWith("HS", StringComparison.OrdinalIgnoreCase) || a.Equals("none", StringComparison.OrdinalIgnoreCase)))
            throw new InvalidOperationException("Auth:Algorithms may name asymmetric algorithms only (RS256, ES256, PS256, ...).");
        // IdentityModel's own floors: below them its ConfigurationManager throws on every request.
        if (auth.AutomaticRefreshInterval < BaseConfigurationManager.MinimumAutomaticRefreshInterval)
            throw new InvalidOperationException($"Auth:AutomaticRefreshInterval must be at least {BaseConfigurationManager.MinimumAutomaticRefreshInterval}.");
        if (auth.RefreshInterval < BaseConfigurationManager.MinimumRefreshInterval)
            throw new InvalidOperationException($"Auth:RefreshInterval must be at least {BaseConfigurationManager.MinimumRefreshInterval}.");
        var authority = auth.Authority.EndsWith('/') ? auth.Authority : auth.Authority + "/";
        var metadataAddress = auth.MetadataAddress ?? authority + ".well-known/openid-configuration";
        var requireHttps = auth.RequireHttpsMetadata ?? !(builder.Environment.IsDevelopment() || IsLoopback(metadataAddress));
        var mapping = new ClaimMapping(auth);

        builder.Services.AddSingleton(mapping);
        builder.Services.AddSingleton(sp => new AuthorityStatus(TimeProvider.System));
        builder.Services.AddHealthChecks().Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
            "auth-authority", sp => sp.GetRequiredService<AuthorityStatus>(), null, [ServiceDefaultsExtensions.ReadyTag]));
        builder.Services.AddHttpClient(MetadataClient, http => http.Timeout = TimeSpan.FromSeconds(10));

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IHttpClientFactory, AuthorityStatus, ILoggerFactory>((options, http, status, logs) =>
            {
                options.Authority = authority;
                options.Audience = auth.Audience;
                options.MetadataAddress = metadataAddress;
                options.RequireHttpsMetadata = requireHttps;
                options.MapInboundClaims = false;
                // Nothing reads the token back from the authentication properties (propagation takes the header).
                options.SaveToken = false;
                options.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(metadataAddress,
                    new AuthorityStatus.TrackingRetriever(status), new HttpDocumentRetriever(http.CreateClient(MetadataClient)) { RequireHttps = requireHttps })
                {
                    AutomaticRefreshInterval = auth.AutomaticRefreshInterval,
                    RefreshInterval = auth.RefreshInterval,
                    // A failed fetch keeps the current keys anyway (the retriever refuses garbage); a "last known good"
                    // set would only keep a retired key valid for another hour after the provider dropped it.
                    UseLastKnownGoodConfiguration = false,
                };
                options.TokenHandlers.Clear();
                options.TokenHandlers.Add(new ValidatedTokenCache(new JsonWebTokenHandler { MapInboundClaims = false }, TimeProvider.System, mapping));
                var log = logs.CreateLogger("ClientRequests.Authentication");
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = AcceptQueryTokenForStreams,
                    OnAuthenticationFailed = context => Refused(context, log),
                };
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    // The issuer comes from the discovery document; the audience is ours.
                    ValidAudience = auth.Audience,
                    ValidAlgorithms = auth.Algorithms,
                    NameClaimType = PlatformClaims.UserId,
                    RoleClaimType = PlatformClaims.Role,
                    RequireSignedTokens = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        builder.Services.AddAuthorization(Policies.Add);
        return builder;
    }

    static bool IsLoopback(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri) && (uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var ip) && IPAddress.IsLoopback(ip)));

    /// <summary>
    /// Every refused token gets one warning naming the reason, never the token. A failure that is not the token's (the
    /// provider's keys could not be fetched at all) is a 401 as well, not a 500: the caller cannot be let in either way.
    /// </summary>
    static Task Refused(AuthenticationFailedContext context, ILogger log)
    {
        var reason = TokenRefusal.Reason(context.Exception);
        log.LogWarning("Bearer token refused on {Method} {Path}: {Reason} ({Exception}).",
            context.Request.Method, context.Request.Path.Value, reason, context.Exception.GetType().Name);
        if (context.Exception is not SecurityTokenException and not ArgumentException)
            context.Fail(new SecurityTokenException(reason));
        return Task.CompletedTask;
    }

    /// <summary>Streams the browser opens with EventSource, which cannot send an Authorization header.</summary>
    static readonly string[] StreamPaths = ["/api/notifications/stream", "/graphql/stream"];

    /// <summary>
    /// A browser's EventSource cannot set headers, so on the streaming paths (GET only) the token may come as
    /// <c>access_token</c> in the query string. Everywhere else it must be a header, so tokens stay out of URLs and logs.
    /// </summary>
    static Task AcceptQueryTokenForStreams(MessageReceivedContext context)
    {
        var request = context.HttpContext.Request;
        if (HttpMethods.IsGet(request.Method) && StreamPaths.Any(path => request.Path.StartsWithSegments(path))
            && request.Query.TryGetValue("access_token", out var token) && !string.IsNullOrEmpty(token))
            context.Token = token;
        return Task.CompletedTask;
    }
}
