using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClientRequests.ServiceDefaults.Security;

/// <summary>
/// The token a service presents when it calls another on its own behalf, with no user behind the call (rebuilding an
/// event-fed projection on start): a client-credentials token from the platform's authority for the service's own
/// client (<c>Auth:Client:Id</c> / <c>Secret</c>) with a narrow scope (<c>Auth:Client:Scope</c>), kept until half its
/// lifetime is used. Never a forged or forwarded user token; calls made for a user keep forwarding that user's token
/// (BearerTokenPropagation). See ADR 0026.
/// </summary>
public sealed class ServiceToken(AuthOptions options, IOptionsMonitor<JwtBearerOptions> bearer, IHttpClientFactory http, TimeProvider clock)
{
    readonly SemaphoreSlim gate = new(1, 1);
    (string Token, DateTimeOffset RenewAt)? current;

    sealed record TokenReply(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn,
        [property: JsonPropertyName("error_description")] string? ErrorDescription);

    public async Task<string> GetAsync(CancellationToken cancellationToken)
    {
        var client = options.Client;
        if (string.IsNullOrEmpty(client.Id) || string.IsNullOrEmpty(client.Secret))
            throw new InvalidOperationException("Auth:Client:Id and Auth:Client:Secret are not configured: this service cannot call another on its own behalf.");
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = clock.GetUtcNow();
            if (current is { } held && now < held.RenewAt) return held.Token;

            // The token endpoint is the authority's, from the discovery document the bearer validation already keeps.
            var manager = bearer.Get(JwtBearerDefaults.AuthenticationScheme).ConfigurationManager
                ?? throw new InvalidOperationException("Bearer authentication has no authority configured.");
            var endpoint = (await manager.GetConfigurationAsync(cancellationToken)).TokenEndpoint;
            using var reply = await http.CreateClient(AuthenticationExtensions.MetadataClient).PostAsync(endpoint, new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials", ["client_id"] = client.Id, ["client_secret"] = client.Secret, ["scope"] = client.Scope,
                }), cancellationToken);
            var token = await reply.Content.ReadFromJsonAsync<TokenReply>(cancellationToken);
            if (!reply.IsSuccessStatusCode || token?.AccessToken is null)
                throw new InvalidOperationException($"The authority refused a token for client '{client.Id}': {(int)reply.StatusCode} {token?.ErrorDescription}");
            var lifetime = TimeSpan.FromSeconds(token.ExpiresIn ?? 300);
            current = (token.AccessToken, now + lifetime / 2);
            return token.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }
}
