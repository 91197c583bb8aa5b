using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace ClientRequests.ServiceDefaults.Security;

/// <summary>Bound from the <c>Auth</c> section: who issues the tokens and the key that signs them.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Used only when the environment is Development and no key is configured.</summary>
    public const string DevelopmentSigningKey = "client-requests-development-signing-key-not-for-production-0123456789";

    public string Issuer { get; set; } = "client-requests";
    public string Audience { get; set; } = "client-requests";
    public string? SigningKey { get; set; }

    public SymmetricSecurityKey SecurityKey() =>
        new(Encoding.UTF8.GetBytes(SigningKey ?? throw new InvalidOperationException("Auth:SigningKey is not configured.")));
}
