namespace ClientRequests.Notifications.Domain;

/// <summary>
/// A signing secret in the Standard Webhooks form: <c>whsec_</c> and the base64 of the key's bytes, the form the
/// published verifiers (the StandardWebhooks NuGet and npm packages) take as they are.
/// </summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";
    // The spec's bounds for new secrets; a key migrated from the old free-text secrets may be longer (ADR 0025).
    public const int MinimumKeyBytes = 24;
    public const int MaximumKeyBytes = 64;

    /// <summary>The key a new secret encodes, or null when it is not <c>whsec_</c> and base64 of 24 to 64 bytes.</summary>
    public static byte[]? Parse(string? secret)
    {
        if (secret is null || !secret.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var key = new byte[MaximumKeyBytes + 1];
        return Convert.TryFromBase64String(secret[Prefix.Length..], key, out var length) && length >= MinimumKeyBytes && length <= MaximumKeyBytes
            ? key[..length]
            : null;
    }

    public static string Format(byte[] key) => Prefix + Convert.ToBase64String(key);
}
