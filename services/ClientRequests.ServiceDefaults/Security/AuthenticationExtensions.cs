using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Microsoft.Extensions.Hosting;

public static class AuthenticationExtensions
{
    public static TBuilder AddPlatformAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (string.IsNullOrWhiteSpace(auth.SigningKey))
        {
            if (!builder.Environment.IsDevelopment())
                throw new InvalidOperationException("Auth:SigningKey must be configured outside Development.");
            auth.SigningKey = AuthOptions.DevelopmentSigningKey;
        }
        builder.Services.AddSingleton(auth);

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                // Nothing reads the token back from the authentication properties (propagation takes the header).
                options.SaveToken = false;
                options.TokenHandlers.Clear();
                options.TokenHandlers.Add(new ValidatedTokenCache(new JsonWebTokenHandler { MapInboundClaims = false }, TimeProvider.System));
                options.Events = new JwtBearerEvents { OnMessageReceived = AcceptQueryTokenForStreams };
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Issuer,
                    ValidAudience = auth.Audience,
                    IssuerSigningKey = auth.SecurityKey(),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    NameClaimType = PlatformClaims.UserId,
                    RoleClaimType = PlatformClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        builder.Services.AddAuthorization(Policies.Add);
        return builder;
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
