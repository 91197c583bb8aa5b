using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace ClientRequests.ServiceDefaults.Security;

/// <summary>
/// Validates a bearer token once and reuses the outcome for the token's next calls: a caller sends the same token on
/// every call, and checking its signature and parsing its claims each time was the largest single cost of a proxied
/// call (see docs/benchmarks.md). Only tokens that passed validation are kept, each only until it expires (and at most
/// <see cref="MaxAge"/>, so a changed key or issuer setting takes effect soon after a restart-free reload), keyed by
/// a SHA-256 digest of the token. Every call gets its own copy of the identity, so nothing one call adds leaks into another.
/// The provider's claims are mapped to the platform's (<see cref="ClaimMapping"/>) once, before the identity is kept.
/// A remembered token is reused only while the key that signed it is still among the provider's keys: a retired key
/// stops working as soon as the service has fetched the new key set.
/// </summary>
public sealed class ValidatedTokenCache(TokenHandler inner, TimeProvider clock, ClaimMapping? mapping = null) : TokenHandler
{
    readonly ClaimMapping mapping = mapping ?? ClaimMapping.Default;

    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    /// <summary>Bound on remembered tokens; only validly signed tokens are remembered, so only real callers fill it.</summary>
    public const int MaxEntries = 10_000;

    readonly ConcurrentDictionary<string, Entry> entries = new();

    sealed record Entry(ClaimsIdentity Identity, SecurityToken Token, string? Issuer, string? TokenType, DateTimeOffset Until);

    public override int MaximumTokenSizeInBytes
    {
        get => inner.MaximumTokenSizeInBytes;
        set => inner.MaximumTokenSizeInBytes = value;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var key = Digest(token);
        var now = clock.GetUtcNow();
        if (entries.TryGetValue(key, out var remembered))
        {
            if (now < remembered.Until && await StillTrustedAsync(remembered.Token.SigningKey, validationParameters)) return Reuse(remembered);
            entries.TryRemove(key, out _);
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } validated && result.ClaimsIdentity is { } validatedIdentity)
        {
            var identity = mapping.Map(validatedIdentity);
            result.ClaimsIdentity = identity;
            // The token's own expiry, without the clock skew the validator allows: a remembered token never outlives it.
            var expires = validated.ValidTo == DateTime.MinValue ? now + MaxAge : new DateTimeOffset(DateTime.SpecifyKind(validated.ValidTo, DateTimeKind.Utc));
            var until = expires < now + MaxAge ? expires : now + MaxAge;
            if (until > now && MakeRoom(now))
                entries[key] = new Entry(identity.Clone(), validated, result.Issuer, result.TokenType, until);
        }
        return result;
    }

    /// <summary>The signing key is still one the validator trusts: a fixed key, or one in the provider's current key set.</summary>
    static async ValueTask<bool> StillTrustedAsync(SecurityKey? signedBy, TokenValidationParameters parameters)
    {
        if (signedBy is null) return false;
        if (Same(parameters.IssuerSigningKey, signedBy)) return true;
        if (parameters.IssuerSigningKeys is { } keys)
            foreach (var key in keys)
                if (Same(key, signedBy)) return true;
        if (parameters.ConfigurationManager is { } manager)
        {
            // The manager's current configuration: kept in memory, so this costs no fetch while it is fresh.
            try
            {
                var configuration = await manager.GetBaseConfigurationAsync(CancellationToken.None);
                foreach (var key in configuration.SigningKeys)
                    if (Same(key, signedBy)) return true;
            }
            catch (InvalidOperationException) { }
        }
        return false;

        static bool Same(SecurityKey? key, SecurityKey signedBy) =>
            key is not null && (ReferenceEquals(key, signedBy) || (!string.IsNullOrEmpty(key.KeyId) && key.KeyId == signedBy.KeyId));
    }

    static TokenValidationResult Reuse(Entry entry) => new()
    {
        IsValid = true,
        ClaimsIdentity = entry.Identity.Clone(),
        SecurityToken = entry.Token,
        Issuer = entry.Issuer,
        TokenType = entry.TokenType,
    };

    bool MakeRoom(DateTimeOffset now)
    {
        if (entries.Count < MaxEntries) return true;
        foreach (var (key, entry) in entries)
            if (entry.Until <= now) entries.TryRemove(key, out _);
        return entries.Count < MaxEntries;
    }

    static string Digest(string token)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var length = Encoding.UTF8.GetMaxByteCount(token.Length);
        var bytes = length <= 4096 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(token, bytes);
        SHA256.HashData(bytes[..written], hash);
        return Convert.ToBase64String(hash);
    }
}
