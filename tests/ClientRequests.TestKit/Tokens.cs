using System.Security.Claims;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClientRequests.TestKit;

/// <summary>
/// Tokens for any <see cref="PlatformUser"/>, RS256-signed with the tests' key (<see cref="TestAuthority"/>), with the
/// claims the embedded provider issues. The issuer is the in-process test authority, or, while a <see cref="Platform"/>
/// runs in this test process, that platform's identity provider (which signs with the same key), so the same call works
/// for in-process hosts and for the real processes.
/// </summary>
public static class Tokens
{
    /// <summary>The HS256 key the platform accepted before it validated against an authority; tests show it is refused now.</summary>
    public const string SigningKey = "client-requests-test-signing-key-0123456789-abcdefghijklmnop";

    public const string Audience = "client-requests";

    static string? platformIssuer;

    /// <summary>The issuer <see cref="For"/> signs as now.</summary>
    public static string Issuer => platformIssuer ?? TestAuthority.Issuer.ToString();

    /// <summary>Set by a platform while it runs; null goes back to the in-process test authority.</summary>
    internal static void UsePlatformIssuer(string? issuer) => platformIssuer = issuer;

    public static string For(PlatformUser user, TimeSpan? lifetime = null) => Sign(user, Issuer, lifetime);

    /// <summary>A machine client's client-credentials token (no user, no roles), with the scopes given, as a provider issues it.</summary>
    public static string ForClient(string clientId, string scope, TimeSpan? lifetime = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer, Audience = Audience, IssuedAt = now, NotBefore = now, Expires = now + (lifetime ?? TimeSpan.FromMinutes(15)),
            Claims = new Dictionary<string, object> { ["sub"] = clientId, ["scope"] = scope },
            SigningCredentials = new SigningCredentials(TestAuthority.SecurityKey, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A token as <see cref="For"/> makes it, with every part open to change: for the bad-input tests.</summary>
    public static string Sign(PlatformUser user, string issuer, TimeSpan? lifetime = null, DateTime? issuedAt = null, string audience = Audience,
        SigningCredentials? credentials = null)
    {
        var at = issuedAt ?? DateTime.UtcNow;
        var claims = new List<Claim>
        {
            new(PlatformClaims.UserId, user.Id),
            new(PlatformClaims.Name, user.Name),
        };
        claims.AddRange(user.Roles.Select(role => new Claim(PlatformClaims.Role, role)));
        claims.AddRange(user.Departments.Select(code => new Claim(PlatformClaims.Department, code)));

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = at,
            NotBefore = at,
            Expires = at + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = credentials ?? new SigningCredentials(TestAuthority.SecurityKey, SecurityAlgorithms.RsaSha256),
        });
    }
}
