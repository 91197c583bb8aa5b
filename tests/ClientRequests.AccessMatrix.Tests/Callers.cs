using System.Text;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
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

    /// <summary>The role's access token as the embedded provider issued it (fetched when the fixture starts).</summary>
    public static string Token(Role role) => ProviderTokens.TryGetValue(role, out var token)
        ? token
        : throw new InvalidOperationException($"No provider token for {role}: the fixture fetches them at start.");

    internal static readonly Dictionary<Role, string> ProviderTokens = [];

    /// <summary>Sees every client and request: no data is foreign to them.</summary>
    public static bool ReadsEverything(Role role) => role is Role.Analyst or Role.Admin;
}

/// <summary>
/// Tokens every service and the gateway must refuse (401). Each is otherwise an admin's token, so accepting one would
/// hand out the most rights there are. The right token is RS256 with the provider's key and issuer (see Tokens).
/// </summary>
public static class BadTokens
{
    public sealed record BadToken(string Name, string? Value);

    static string Issuer => Tokens.Issuer;

    public static IReadOnlyList<BadToken> All =>
    [
        new("no token", null),
        new("expired", Tokens.Sign(DemoUsers.Grace, Issuer, TimeSpan.FromHours(1), DateTime.UtcNow.AddHours(-3))),
        new("unsigned (alg: none)", Unsigned()),
        new("signed with another RSA key under the provider's kid", Tokens.Sign(DemoUsers.Grace, Issuer, credentials: OtherRsa(TestAuthority.KeyId))),
        new("signed with a key id the provider does not publish", Tokens.Sign(DemoUsers.Grace, Issuer, credentials: OtherRsa("made-up-kid"))),
        new("for another audience", Tokens.Sign(DemoUsers.Grace, Issuer, audience: "someone-else")),
        new("from another issuer", Tokens.Sign(DemoUsers.Grace, "https://evil.example/")),
        new("not yet valid", Tokens.Sign(DemoUsers.Grace, Issuer, issuedAt: DateTime.UtcNow.AddHours(1))),
        new("HS256 with the old development key", Tokens.Sign(DemoUsers.Grace, Issuer,
            credentials: new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Tokens.SigningKey)), SecurityAlgorithms.HmacSha256))),
        new("HS256 keyed with the provider's public key (algorithm confusion)", PublicKeyHmac()),
        new("garbage", "not-a-jwt"),
    ];

    static readonly System.Security.Cryptography.RSA Other = System.Security.Cryptography.RSA.Create(2048);

    static SigningCredentials OtherRsa(string kid) => new(new RsaSecurityKey(Other) { KeyId = kid }, SecurityAlgorithms.RsaSha256);

    /// <summary>An admin's payload under an HS256 header keyed with the provider's public modulus, the classic confusion attack.</summary>
    static string PublicKeyHmac()
    {
        var payload = Tokens.For(DemoUsers.Grace).Split('.')[1];
        var header = Base64UrlEncoder.Encode($$"""{"alg":"HS256","typ":"JWT","kid":"{{TestAuthority.KeyId}}"}""");
        using var hmac = new System.Security.Cryptography.HMACSHA256(TestAuthority.Key.ExportParameters(false).Modulus!);
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
