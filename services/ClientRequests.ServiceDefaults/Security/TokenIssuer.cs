using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClientRequests.ServiceDefaults.Security;

/// <summary>
/// Signs platform tokens with the shared key. Production sites put their identity provider here;
/// Development and the tests use it to mint tokens for the demo users.
/// </summary>
public sealed class TokenIssuer(AuthOptions options)
{
    public string Issue(PlatformUser user, TimeSpan? lifetime = null, DateTime? now = null)
    {
        var issuedAt = now ?? DateTime.UtcNow;
        var claims = new List<Claim>
        {
            new(PlatformClaims.UserId, user.Id),
            new(PlatformClaims.Name, user.Name),
        };
        claims.AddRange(user.Roles.Select(role => new Claim(PlatformClaims.Role, role)));
        claims.AddRange(user.Departments.Select(code => new Claim(PlatformClaims.Department, code)));

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(options.SecurityKey(), SecurityAlgorithms.HmacSha256),
        });
    }
}

public sealed record PlatformUser(string Id, string Name, IReadOnlyList<string> Roles, IReadOnlyList<string> Departments);
