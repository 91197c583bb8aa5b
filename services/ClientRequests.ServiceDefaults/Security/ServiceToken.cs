namespace ClientRequests.ServiceDefaults.Security;

/// <summary>
/// The token a service presents when it calls another on its own behalf, with no user behind the call (rebuilding an
/// event-fed projection on start). It is an admin token for the service's own id ("service:requests"), short-lived and
/// renewed before it expires. Calls made for a user keep forwarding that user's token (BearerTokenPropagation).
/// </summary>
public sealed class ServiceToken(AuthOptions options, TimeProvider clock)
{
    static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
    readonly Lock gate = new();
    (string Name, string Token, DateTimeOffset RenewAt)? current;

    public string For(string serviceName)
    {
        var now = clock.GetUtcNow();
        lock (gate)
        {
            if (current is { } held && held.Name == serviceName && now < held.RenewAt) return held.Token;
            var user = new PlatformUser($"service:{serviceName}", serviceName, [Roles.Admin], []);
            var token = new TokenIssuer(options).Issue(user, Lifetime, now.UtcDateTime);
            current = (serviceName, token, now + Lifetime / 2);
            return token;
        }
    }
}
