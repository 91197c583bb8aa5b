using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.TestKit;

/// <summary>Tokens for the demo users, signed with the key the tests give the services.</summary>
public static class Tokens
{
    public const string SigningKey = "client-requests-test-signing-key-0123456789-abcdefghijklmnop";

    public static readonly AuthOptions Options = new() { SigningKey = SigningKey };

    public static string For(PlatformUser user, TimeSpan? lifetime = null) => new TokenIssuer(Options).Issue(user, lifetime);
}
