using System.Security.Claims;
using ClientRequests.Clients.Data;
using ClientRequests.Clients.Domain;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Clients.Apis;

/// <summary>
/// The report (<see cref="ClientHealthReport"/>) flattened for the wire; <see cref="Signals"/> keeps its old name.
/// </summary>
public sealed record ClientHealthView(Guid ClientId, int Score, string Band, int Signals, DateTimeOffset AsOf,
    IReadOnlyList<HealthReason> Reasons, IReadOnlyList<MonthlyRequests> RequestsByMonth, int Requests, int Complaints,
    int ComplaintsLast30Days, double ComplaintShare, double? MedianHoursToFulfil, int Fulfilled, int SlaBreaches, int SlaAtRisk,
    SatisfactionFigures Satisfaction)
{
    public static ClientHealthView Of(Guid clientId, ClientHealthReport r, DateTimeOffset asOf) =>
        new(clientId, r.Score, r.Band, r.SignalCount, asOf, r.Reasons, r.RequestsByMonth, r.Requests, r.Complaints, r.ComplaintsLast30Days,
            r.ComplaintShare, r.MedianHoursToFulfil, r.Fulfilled, r.SlaBreaches, r.SlaAtRisk, r.Satisfaction);
}

public sealed record HealthRebuildView(int Signals, int WeightsChanged);

/// <summary>How a client is doing, from what happened to it lately (docs/decisions/0012-client-health.md).</summary>
public static class HealthApi
{
    public static RouteGroupBuilder MapClientHealthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/clients").WithTags("Client health");
        group.MapGet("/{id:guid}/health", GetHealth).RequireAuthorization(Extensions.ClientReaderPolicy);
        group.MapPost("/health/rebuild", Rebuild).RequireAuthorization(Policies.Admin);
        return group;
    }

    static async Task<Results<Ok<ClientHealthView>, ProblemHttpResult>> GetHealth(Guid id, ClaimsPrincipal user, ClientsDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await db.ScopeOfAsync(user, cancellationToken);
        var managerId = await db.Clients.AsNoTracking().Where(c => c.Id == id).Select(c => c.AccountManagerId).SingleOrDefaultAsync(cancellationToken);
        if (managerId is null || !scope.Sees(managerId)) return Problem.NotFound("Client", id);

        var now = clock.GetUtcNow();
        var signals = await db.SignalsForAsync([id], now, cancellationToken);
        return TypedResults.Ok(ClientHealthView.Of(id, HealthReports.Build(signals[id], now), now));
    }

    /// <summary>
    /// Re-derives every stored signal's weight from its facts. The figures are computed on read, so after this every
    /// report reflects today's rules; an operator runs it once after the weights in ADR 0012 change.
    /// </summary>
    static async Task<Ok<HealthRebuildView>> Rebuild(ClientsDbContext db, CancellationToken cancellationToken)
    {
        var changed = await db.RebuildAsync(null, cancellationToken);
        return TypedResults.Ok(new HealthRebuildView(await db.HealthSignals.CountAsync(cancellationToken), changed));
    }
}
