using System.Security.Claims;
using System.Text;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClientRequests.AccessMatrix.Tests;

/// <summary>The six roles of the matrix, each played by a demo user whose own team is Acme's and own department billing.</summary>
public enum Role { Manager, Executive, Agent, Lead, Analyst, Admin }

public static class Callers
{
    public static readonly IReadOnlyList<Role> Roles = Enum.GetValues<Role>();

    public static PlatformUser User(Role role) => role switch
    {
        Role.Manager => DemoUsers.Alice,      // Acme and Globex; Initech is Mallory's
        Role.Executive => DemoUsers.Bob,      // reports to Alice
        Role.Agent => DemoUsers.Carol,        // billing; legal is foreign
        Role.Lead => DemoUsers.Dave,          // billing
        Role.Analyst => DemoUsers.Frank,
        Role.Admin => DemoUsers.Grace,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static string Token(Role role) => Tokens.For(User(role));

    /// <summary>Sees every client and request: no data is foreign to them.</summary>
    public static bool ReadsEverything(Role role) => role is Role.Analyst or Role.Admin;
}

/// <summary>
/// Tokens every service and the gateway must refuse (401). Each is otherwise an admin's token, so accepting one would
/// hand out the most rights there are.
/// </summary>
public static class BadTokens
{
    public sealed record BadToken(string Name, string? Value);

    static readonly AuthOptions Right = Tokens.Options;

    public static readonly IReadOnlyList<BadToken> All =
    [
        new("no token", null),
        new("expired", Sign(DateTime.UtcNow.AddHours(-3), TimeSpan.FromHours(1))),
        new("unsigned (alg: none)", Unsigned()),
        new("signed with another key", Sign(key: "another-key-that-nobody-configured-0123456789-abcdefghijk")),
        new("for another audience", Sign(audience: "someone-else")),
        new("from another issuer", Sign(issuer: "https://evil.example")),
        new("not yet valid", Sign(DateTime.UtcNow.AddHours(1), TimeSpan.FromHours(8))),
        new("HS512 with the right key (algorithm not allowed)", Hs512()),
        new("garbage", "not-a-jwt"),
    ];

    static string Sign(DateTime? issuedAt = null, TimeSpan? lifetime = null, string? key = null, string? audience = null, string? issuer = null,
        string algorithm = SecurityAlgorithms.HmacSha256)
    {
        var at = issuedAt ?? DateTime.UtcNow;
        var admin = DemoUsers.Grace;
        var signingKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key ?? Right.SigningKey!));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Right.Issuer,
            Audience = audience ?? Right.Audience,
            Subject = new ClaimsIdentity([new Claim(PlatformClaims.UserId, admin.Id), new Claim(PlatformClaims.Role, Roles.Admin)]),
            IssuedAt = at,
            NotBefore = at,
            Expires = at + (lifetime ?? TimeSpan.FromHours(8)),
            SigningCredentials = new SigningCredentials(signingKey, algorithm),
        });
    }

    /// <summary>A valid admin token's payload signed with the right key, but with HS512, which the services do not allow.</summary>
    static string Hs512()
    {
        var payload = Tokens.For(DemoUsers.Grace).Split('.')[1];
        var header = Base64UrlEncoder.Encode("""{"alg":"HS512","typ":"JWT"}""");
        using var hmac = new System.Security.Cryptography.HMACSHA512(Encoding.UTF8.GetBytes(Right.SigningKey!));
        var signature = Base64UrlEncoder.Encode(hmac.ComputeHash(Encoding.ASCII.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }

    /// <summary>A valid admin token's payload under <c>{"alg":"none"}</c> with no signature.</summary>
    static string Unsigned()
    {
        var payload = Tokens.For(DemoUsers.Grace).Split('.')[1];
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        return $"{header}.{payload}.";
    }
}
