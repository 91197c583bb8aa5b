using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClientRequests.Requests.Teams;

/// <summary>Ready once the team projection was rebuilt from the directory at least once since start.</summary>
public sealed class TeamProjectionHealth(TeamDirectorySync sync) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(sync.FirstRebuild.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The account teams have not been read from the clients service yet."));
}
