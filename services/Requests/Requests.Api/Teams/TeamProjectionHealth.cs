using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClientRequests.Requests.Teams;

/// <summary>
/// Degraded until the team projection was rebuilt from the directory once since start. Not unhealthy: readiness must not
/// wait on the clients service and the identity provider (the gateway hosts it, and starts after the services).
/// </summary>
public sealed class TeamProjectionHealth(TeamDirectorySync sync) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(sync.FirstRebuild.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("The account teams have not been read from the clients service yet."));
}
