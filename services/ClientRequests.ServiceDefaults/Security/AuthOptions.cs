namespace ClientRequests.ServiceDefaults.Security;

/// <summary>Bound from the <c>Auth</c> section: which OpenID Connect provider's tokens the platform accepts, and how to read them.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The embedded provider through the gateway: the authority in Development when none is configured.</summary>
    public const string DevelopmentAuthority = "http://localhost:5000/identity/";

    /// <summary>The provider's issuer address; its discovery document is <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>Where to read the discovery document when not under the authority (Entra's, say, or an in-cluster address).</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>The <c>aud</c> every token must carry: the platform's API as registered at the provider.</summary>
    public string Audience { get; set; } = "client-requests";

    /// <summary>Plain-http metadata is refused unless this is false; it defaults to false for loopback addresses and in Development.</summary>
    public bool? RequireHttpsMetadata { get; set; }

    /// <summary>Signature algorithms accepted. Symmetric ones (HS*) and <c>none</c> are never accepted.</summary>
    public string[] Algorithms { get; set; } = ["RS256", "ES256"];

    /// <summary>
    /// How often the discovery document and key set are fetched again while all is well (at least 5 minutes, IdentityModel's
    /// floor). Any fetch, also one forced by an unknown kid, drops the keys the provider no longer publishes.
    /// </summary>
    public TimeSpan AutomaticRefreshInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The shortest time between two fetches forced by a token signed with a key not seen yet (a rotation): a flood of
    /// made-up key ids costs the provider at most one fetch per interval.
    /// </summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    public ClaimNames Claims { get; set; } = new();

    /// <summary>This service's own client at the authority, for calls with no user behind them (<see cref="ServiceToken"/>).</summary>
    public ServiceClient Client { get; set; } = new();

    /// <summary>A provider's group or role value → the platform roles it grants (e.g. an Entra group id → department-agent).</summary>
    public Dictionary<string, string[]> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A provider's group or role value → the department codes it grants (e.g. "Billing agents" → billing).</summary>
    public Dictionary<string, string[]> DepartmentMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
