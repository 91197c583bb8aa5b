using System.Security.Claims;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Teams;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Requests.Apis;

/// <summary>
/// Who may see and act on one request: <see cref="RequestScope"/> over the team projection, the same rule the lists
/// apply. A caller who may not see it is told it does not exist (404), so that another team learns nothing.
/// </summary>
public sealed class RequestAccess(RequestsDbContext db)
{
    /// <summary>The request with its work items, tracked, if the caller may act on it (its current account team or an admin).</summary>
    public async Task<ClientRequest?> ForActingAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var request = await db.Requests.Include(r => r.WorkItems).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return request is not null && await IsOnTeamAsync(user, request.ClientId, cancellationToken) ? request : null;
    }

    /// <summary>The request with its work items, tracked, if the caller may read it.</summary>
    public async Task<ClientRequest?> ForReadingAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var request = await db.Requests.Include(r => r.WorkItems).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return request is not null && await MayReadAsync(user, request, cancellationToken) ? request : null;
    }

    public async Task<bool> MayReadAsync(ClaimsPrincipal user, ClientRequest request, CancellationToken cancellationToken)
    {
        var scope = RequestScope.Of(user);
        var departments = request.WorkItems.Select(w => w.DepartmentCode);
        if (scope.Sees(onClientTeam: false, departments)) return true;
        return scope.Sees(await db.IsOnTeamAsync(scope, request.ClientId, cancellationToken), departments);
    }

    /// <summary>The readable ones of many requests (loaded with their work items), with one projection query for the batch.</summary>
    public async Task<List<ClientRequest>> ReadableAsync(ClaimsPrincipal user, IReadOnlyCollection<ClientRequest> requests, CancellationToken cancellationToken)
    {
        var scope = RequestScope.Of(user);
        var onTeam = await db.TeamClientsAsync(scope, requests.Select(r => r.ClientId).Distinct().ToList(), cancellationToken);
        return requests.Where(r => scope.Sees(onTeam.Contains(r.ClientId), r.WorkItems.Select(w => w.DepartmentCode))).ToList();
    }

    /// <summary>Admins act for every client; account managers and executives for the clients whose current team they are on.</summary>
    public async Task<bool> IsOnTeamAsync(ClaimsPrincipal user, Guid clientId, CancellationToken cancellationToken)
    {
        var scope = RequestScope.Of(user);
        return scope.ActsFor(!scope.IsAdmin && await db.IsOnTeamAsync(scope, clientId, cancellationToken));
    }
}
