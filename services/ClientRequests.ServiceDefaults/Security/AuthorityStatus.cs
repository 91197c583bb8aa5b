using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ClientRequests.ServiceDefaults.Security;

/// <summary>
/// What the last fetches of the provider's discovery document and key set gave, for readiness: a provider that cannot
/// be reached (or answers garbage) makes the service <em>degraded</em>, not down, because the keys fetched before keep
/// validating tokens; tokens signed with a key not seen yet are refused until a fetch works again.
/// </summary>
public sealed class AuthorityStatus(TimeProvider clock) : IHealthCheck
{
    DateTimeOffset? lastSuccess;
    DateTimeOffset? lastFailure;
    string? lastError;

    public int SigningKeys { get; private set; }

    public void Succeeded(int signingKeys)
    {
        lastSuccess = clock.GetUtcNow();
        SigningKeys = signingKeys;
    }

    public void Failed(string error)
    {
        lastFailure = clock.GetUtcNow();
        lastError = error;
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lastFailure is { } failed && (lastSuccess is not { } ok || failed > ok))
            return Task.FromResult(HealthCheckResult.Degraded(lastSuccess is null
                ? $"The identity provider's keys could not be fetched ({lastError}); no token can be validated yet."
                : $"The identity provider's keys could not be fetched since {lastSuccess:O} ({lastError}); the {SigningKeys} key(s) fetched then still validate tokens."));
        return Task.FromResult(HealthCheckResult.Healthy(lastSuccess is null ? "Keys not fetched yet (on the first token)." : $"{SigningKeys} signing key(s) fetched at {lastSuccess:O}."));
    }

    /// <summary>Wraps the standard retriever: records each outcome, and refuses a document with no signing keys, so garbage never replaces good keys.</summary>
    public sealed class TrackingRetriever(AuthorityStatus status) : IConfigurationRetriever<OpenIdConnectConfiguration>
    {
        readonly OpenIdConnectConfigurationRetriever inner = new();

        public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
        {
            try
            {
                var configuration = await ((IConfigurationRetriever<OpenIdConnectConfiguration>)inner).GetConfigurationAsync(address, retriever, cancel);
                if (configuration.SigningKeys.Count == 0)
                    throw new InvalidOperationException("the key set holds no signing keys");
                status.Succeeded(configuration.SigningKeys.Count);
                return configuration;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                status.Failed($"{e.GetType().Name}: {e.Message}");
                throw;
            }
        }
    }
}
