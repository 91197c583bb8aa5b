using System.Security.Claims;
using ClientRequests.ServiceDefaults.Security;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClientRequests.Identity.Endpoints;

/// <summary>What the provider's tokens say about a caller: the platform's claim names, so the default claim mapping fits.</summary>
public static class PlatformPrincipal
{
    public static readonly string[] UserScopes = [Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, ApiScope];

    /// <summary>The scope that asks for access to the platform's APIs.</summary>
    public const string ApiScope = "client-requests";

    public static string Email(PlatformUser user) => $"{user.Id}@clientrequests.example";

    public static ClaimsPrincipal ForUser(PlatformUser user, IEnumerable<string> scopes, string audience)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, PlatformClaims.UserId, PlatformClaims.Role);
        identity.SetClaim(PlatformClaims.UserId, user.Id)
            .SetClaim(PlatformClaims.Name, user.Name)
            .SetClaim(PlatformClaims.Email, Email(user))
            .SetClaims(PlatformClaims.Role, [.. user.Roles])
            .SetClaims(PlatformClaims.Department, [.. user.Departments]);
        return Finish(identity, scopes.Intersect(UserScopes), audience);
    }

    public static ClaimsPrincipal ForMachine(string clientId, MachineClientOptions client, IEnumerable<string> scopes, string audience)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, PlatformClaims.UserId, PlatformClaims.Role);
        identity.SetClaim(PlatformClaims.UserId, clientId)
            .SetClaim(PlatformClaims.Name, string.IsNullOrEmpty(client.DisplayName) ? clientId : client.DisplayName)
            .SetClaims(PlatformClaims.Role, [.. client.Roles])
            .SetClaims(PlatformClaims.Department, [.. client.Departments]);
        return Finish(identity, scopes, audience);
    }

    static ClaimsPrincipal Finish(ClaimsIdentity identity, IEnumerable<string> scopes, string audience)
    {
        identity.SetScopes(scopes).SetResources(audience);
        identity.SetDestinations(claim => claim.Type switch
        {
            // The id token tells the console who signed in; the access token carries everything the APIs check.
            PlatformClaims.Name or PlatformClaims.Email or PlatformClaims.Role or PlatformClaims.Department
                => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [Destinations.AccessToken],
        });
        return new ClaimsPrincipal(identity);
    }
}
