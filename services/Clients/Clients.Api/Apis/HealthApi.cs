using System.Security.Claims;
using ClientRequests.Clients.Data;
using ClientRequests.Clients.Domain;
using ClientRequests.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Clients.Apis;

public sealed record ClientHealthView(Guid ClientId, int Score, string Band, int Signals, DateTimeOffset AsOf);

/// <summary>How a client is doing, scored from what happened to it lately (see <see cref="ClientHealth"/>).</summary>
public static class HealthApi
{
    public static RouteGroupBuilder MapClientHealthApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/clients").WithTags("Client health");
        group.MapGet("/{id:guid}/health", GetHealth).RequireAuthorization(Extensions.ClientReaderPolicy);
        return group;
    }

    static async Task<Results<Ok<ClientHealthView>, ProblemHttpResult>> GetHealth(Guid id, ClaimsPrincipal user, ClientsDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await db.ScopeOfAsync(user, cancellationToken);
        var managerId = await db.Clients.AsNoTracking().Where(c => c.Id == id).Select(c => c.AccountManagerId).SingleOrDefaultAsync(cancellationToken);
        if (managerId is null || !scope.Sees(managerId)) return Problem.NotFound("Client", id);

        var now = clock.GetUtcNow();
        var since = now - ClientHealth.Window;
        var signals = await db.HealthSignals.AsNoTracking().Where(s => s.ClientId == id && s.OccurredAt > since).ToListAsync(cancellationToken);
        var score = ClientHealth.Score(signals, now);
        return TypedResults.Ok(new ClientHealthView(id, score.Score, score.Band, score.SignalCount, now));
    }
}
