using ClientRequests.ServiceDefaults.Settings;
using ClientRequests.Identity.Clients;
using ClientRequests.Identity.Data;
using ClientRequests.Identity.Endpoints;
using ClientRequests.Identity.Keys;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClientRequests.Identity;

public static class Extensions
{
    /// <summary>Everything under this path: the gateway forwards <c>/identity/**</c> unchanged, and direct calls look the same.</summary>
    public const string PathBase = "/identity";

    public static IHostApplicationBuilder AddIdentityServices(this IHostApplicationBuilder builder)
    {
        var options = builder.AddSettings<IdentityOptions>(IdentityOptions.Section);
        if (!options.Issuer.AbsolutePath.EndsWith(PathBase + "/", StringComparison.Ordinal))
            throw new InvalidOperationException($"Identity:Issuer must end with {PathBase}/ (it is {options.Issuer}).");
        var dataFolder = Path.GetFullPath(builder.Configuration["Data:Folder"] ?? ".data");

        builder.AddServiceDatabase<IdentityDbContext, SqliteIdentityDbContext, SqlServerIdentityDbContext, PostgreSqlIdentityDbContext>("identity");
        builder.Services.AddSingleton<ClientRegistry>();
        builder.Services.AddSingleton<ClientRegistration>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ClientRegistration>());
        builder.Services.AddHealthChecks().AddCheck<ClientsRegisteredCheck>("identity-clients", tags: [ServiceDefaultsExtensions.ReadyTag]);
        builder.Services.AddSingleton<DemoAccounts>();

        builder.Services.AddSingleton(sp => new SigningKeyRing(Path.Combine(dataFolder, "identity-keys"), options.Keys,
            TimeProvider.System, sp.GetRequiredService<ILogger<SigningKeyRing>>()));
        builder.Services.AddSingleton<SigningCredentialsSetup>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>>(sp => sp.GetRequiredService<SigningCredentialsSetup>());
        builder.Services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(sp => sp.GetRequiredService<SigningCredentialsSetup>());
        builder.Services.AddHostedService<KeyRotation>();

        // The sign-in cookie and the antiforgery tokens survive a restart.
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataFolder, "identity-data-protection")))
            .SetApplicationName("ClientRequests.Identity");
        builder.Services.AddAuthentication().AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
        {
            cookie.LoginPath = "/account/login";
            cookie.Cookie.Name = "clientrequests.identity";
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        builder.Services.AddAntiforgery();
        builder.Services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedProto);

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                server.SetIssuer(options.Issuer)
                    .SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/endsession")
                    .AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange()
                    .AllowRefreshTokenFlow()
                    .AllowClientCredentialsFlow()
                    .AllowPasswordFlow()
                    .RegisterScopes([.. PlatformPrincipal.UserScopes, .. options.Clients.Values.SelectMany(c => c.Scopes).Distinct()])
                    .SetAccessTokenLifetime(options.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(options.RefreshTokenLifetime)
                    // Resource servers validate the JWT themselves against the published keys: signed, not encrypted.
                    .DisableAccessTokenEncryption();
                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    // TLS ends at the gateway or the ingress; the issuer says https where the site is public.
                    .DisableTransportSecurityRequirement();
            });
        return builder;
    }

    sealed class ClientsRegisteredCheck(ClientRegistration registration) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(registration.Done ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The clients are not registered yet."));
    }

    public static WebApplication UseIdentityPipeline(this WebApplication app)
    {
        app.UsePathBase(PathBase);
        app.UseForwardedHeaders();
        app.UseServiceDefaults();
        app.UseAntiforgery();
        return app;
    }
}
