using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace ClientRequests.Identity.Keys;

/// <summary>
/// Gives OpenIddict the key ring's keys. OpenIddict reads its options per request through IOptionsMonitor, so when the
/// ring changes the change token rebuilds them: the new key signs and is published at once, the retired one disappears.
/// </summary>
public sealed class SigningCredentialsSetup(SigningKeyRing ring) : IConfigureOptions<OpenIddictServerOptions>, IOptionsChangeTokenSource<OpenIddictServerOptions>
{
    public string? Name => Options.DefaultName;

    public void Configure(OpenIddictServerOptions options)
    {
        // Newest first: OpenIddict signs with the first RSA key (its sort keeps the order of keys it sees as equal).
        foreach (var key in ring.Keys)
            options.SigningCredentials.Add(new SigningCredentials(key.Key, SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(ring.EncryptionKey, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    public Microsoft.Extensions.Primitives.IChangeToken GetChangeToken() => ring.ChangeToken();
}
