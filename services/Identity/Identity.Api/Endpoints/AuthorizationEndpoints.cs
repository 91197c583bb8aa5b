using System.Security.Claims;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;

namespace ClientRequests.Identity.Endpoints;

/// <summary>
/// The OpenID Connect endpoints OpenIddict hands to the application: who is signed in (authorize), what a grant is worth
/// (token) and signing out (end session). OpenIddict has already checked the client, redirect URI, PKCE and scopes.
/// </summary>
public static class AuthorizationEndpoints
{
    public static IEndpointRouteBuilder MapAuthorizationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/connect").AllowAnonymous().ExcludeFromDescription().DisableAntiforgery();
        group.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize);
        group.MapPost("/token", Token);
        group.MapMethods("/endsession", [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSession);
        return app;
    }

    static async Task<IResult> Authorize(HttpContext http, IdentityOptions options)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var cookie = await http.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var user = cookie.Succeeded ? DemoUsers.Find(cookie.Principal.FindFirstValue(PlatformClaims.UserId) ?? "") : null;
        if (user is null || request.HasPromptValue(OpenIddictConstants.PromptValues.Login))
        {
            if (request.HasPromptValue(OpenIddictConstants.PromptValues.None))
                return Forbid(OpenIddictConstants.Errors.LoginRequired, "The user is not signed in.");
            // To the sign-in page and back here with the same request.
            return Results.Challenge(new AuthenticationProperties { RedirectUri = http.Request.PathBase + http.Request.Path + QueryWithoutPrompt(http.Request) },
                [CookieAuthenticationDefaults.AuthenticationScheme]);
        }
        return Results.SignIn(PlatformPrincipal.ForUser(user, request.GetScopes(), options.Audience), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    static async Task<IResult> Token(HttpContext http, IdentityOptions options, DemoAccounts accounts)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // The code or refresh token is already validated; the user must still exist and gets today's roles.
            var granted = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            var user = DemoUsers.Find(granted.Principal?.FindFirstValue(PlatformClaims.UserId) ?? "");
            if (user is null) return Forbid(OpenIddictConstants.Errors.InvalidGrant, "The user no longer exists.");
            return Results.SignIn(PlatformPrincipal.ForUser(user, granted.Principal!.GetScopes(), options.Audience), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has checked the secret and that every scope asked for is one the client may have.
            if (!options.Clients.TryGetValue(request.ClientId ?? "", out var client))
                return Forbid(OpenIddictConstants.Errors.InvalidClient, "The client is not configured.");
            return Results.SignIn(PlatformPrincipal.ForMachine(request.ClientId!, client, request.GetScopes(), options.Audience),
                authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        if (request.IsPasswordGrantType())
        {
            // Only the Development tool client has this grant: POST /dev/token/{user} at the gateway uses it.
            var user = accounts.Check(request.Username, request.Password);
            if (user is null) return Forbid(OpenIddictConstants.Errors.InvalidGrant, "Unknown user or wrong password.");
            return Results.SignIn(PlatformPrincipal.ForUser(user, request.GetScopes(), options.Audience), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }
        return Forbid(OpenIddictConstants.Errors.UnsupportedGrantType, "This grant type is not supported.");
    }

    static async Task<IResult> EndSession(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        // OpenIddict redirects to the client's post_logout_redirect_uri when it is one the client registered.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = http.Request.PathBase + "/account/signed-out" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    static IResult Forbid(string error, string description) => Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
    {
        [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
        [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
    }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    /// <summary>After signing in, <c>prompt=login</c> has been honoured: coming back with it would ask again forever.</summary>
    static string QueryWithoutPrompt(HttpRequest request) =>
        QueryString.Create(request.HasFormContentType
            ? request.Form.Where(p => p.Key != OpenIddictConstants.Parameters.Prompt)
            : request.Query.Where(p => p.Key != OpenIddictConstants.Parameters.Prompt)).ToUriComponent();
}
