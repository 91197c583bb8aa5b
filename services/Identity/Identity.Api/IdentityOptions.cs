namespace ClientRequests.Identity;

/// <summary>Bound from the <c>Identity</c> section: who this provider says it is and whom it lets in.</summary>
public sealed class IdentityOptions
{
    public const string Section = "Identity";

    /// <summary>
    /// The public address callers reach the provider at (through the gateway). Tokens carry it as <c>iss</c> and the
    /// discovery document builds its endpoint addresses from it, so it is the same however the provider is reached.
    /// </summary>
    public Uri Issuer { get; set; } = new("http://localhost:5000/identity/");

    /// <summary>The platform's APIs: every access token is for this audience.</summary>
    public string Audience { get; set; } = "client-requests";

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Every demo user signs in with this password (the demo data is public; a real site uses its own provider).</summary>
    public string DemoPassword { get; set; } = "demo";

    public ConsoleClientOptions Console { get; set; } = new();

    public SigningKeyOptions Keys { get; set; } = new();

    /// <summary>Systems that sign in as themselves (client credentials), by client id.</summary>
    public Dictionary<string, MachineClientOptions> Clients { get; set; } = [];
}
