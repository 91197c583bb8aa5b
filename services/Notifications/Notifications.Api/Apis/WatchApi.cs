using System.Security.Claims;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Notifications.Apis;

/// <summary>
/// The caller follows a request: every update to it then reaches the caller too. Only someone who may read the request may
/// watch it, judged from this service's projections rather than by calling the requests service; anyone else gets 404, as
/// for a request this service never heard of, so a watch reveals nothing.
/// </summary>
public static class WatchApi
{
    public static RouteGroupBuilder MapWatchApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/notifications/watch").WithTags("Watch").RequireAuthorization(Policies.AnyUser);
        group.MapPost("/{requestId:guid}", StartWatching);
        group.MapDelete("/{requestId:guid}", StopWatching);
        return group;
    }

    static async Task<Results<NoContent, ProblemHttpResult>> StartWatching(Guid requestId, ClaimsPrincipal user, NotificationsDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var basis = await BasisAsync(requestId, user, db, cancellationToken);
        if (basis is null) return Problem.NotFound("Request", requestId);
        var userId = user.UserId();
        // Watching twice is watching: the second call changes nothing and says the same.
        if (await db.Watches.AnyAsync(w => w.UserId == userId && w.RequestId == requestId, cancellationToken)) return TypedResults.NoContent();
        db.Watches.Add(new Watch { UserId = userId, RequestId = requestId, Basis = basis.Value, CreatedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same caller's concurrent call committed first, and the outcome is the one asked for; anything else is a real failure.
            if (!await db.Watches.AsNoTracking().AnyAsync(w => w.UserId == userId && w.RequestId == requestId, cancellationToken)) throw;
        }
        return TypedResults.NoContent();
    }

    static async Task<NoContent> StopWatching(Guid requestId, ClaimsPrincipal user, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        // No access check: removing one's own watch reveals nothing, and it stays possible after losing access.
        await db.Watches.Where(w => w.UserId == userId && w.RequestId == requestId).ExecuteDeleteAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Mirrors the requests service's read rule: admins and analysts, the client's account team, staff of a department on it.</summary>
    static async Task<WatchBasis?> BasisAsync(Guid requestId, ClaimsPrincipal user, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var request = await db.TrackedRequests.AsNoTracking().SingleOrDefaultAsync(r => r.RequestId == requestId, cancellationToken);
        if (request is null) return null;
        if (user.IsAdmin() || user.IsInRole(Roles.Analyst)) return WatchBasis.Reader;

        var userId = user.UserId();
        if (user.IsInRole(Roles.AccountManager) || user.IsInRole(Roles.AccountExecutive))
        {
            var team = await db.ClientTeams.AsNoTracking().SingleOrDefaultAsync(t => t.ClientId == request.ClientId, cancellationToken);
            if (team?.Includes(userId) == true) return WatchBasis.AccountTeam;
        }
        if (user.IsInRole(Roles.DepartmentAgent) || user.IsInRole(Roles.DepartmentLead))
        {
            var codes = user.DepartmentCodes().Select(c => c.ToLowerInvariant()).ToList();
            if (await db.RequestDepartments.AnyAsync(d => d.RequestId == requestId && codes.Contains(d.DepartmentCode), cancellationToken))
                return WatchBasis.Department;
        }
        return null;
    }
}
