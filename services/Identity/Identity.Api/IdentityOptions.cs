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

public sealed class ConsoleClientOptions
{
    public const string ClientId = "client-requests-console";

    /// <summary>Where the console is served; its sign-in callbacks are under <c>/console/</c> there. The issuer's origin when empty.</summary>
    public List<Uri> Origins { get; set; } = [];
}

public sealed class SigningKeyOptions
{
    /// <summary>A new signing key is made when the newest one is older than this.</summary>
    public TimeSpan RotationPeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a replaced key stays published, so tokens it signed keep validating until they expire and every
    /// validator has fetched the new key set. Longer than the refresh token lifetime is not needed: access tokens are short.
    /// </summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromDays(2);

    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>An integration (an external department's system, an importer) that calls the platform with no user behind it.</summary>
public sealed class MachineClientOptions
{
    public string DisplayName { get; set; } = "";
    public string Secret { get; set; } = "";
    /// <summary>The scopes it may ask for; a token carries only the ones asked for.</summary>
    public List<string> Scopes { get; set; } = [];
    /// <summary>The platform roles its tokens carry (for an external department's system: department-agent).</summary>
    public List<string> Roles { get; set; } = [];
    public List<string> Departments { get; set; } = [];
}
