using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Teams;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Requests.Data;

/// <summary>
/// <see cref="RequestScope"/> as SQL: the one place lists, reads by id, the dashboard and the benchmark take visibility
/// from. The team filter is an EXISTS on ClientTeamMembers' key, so it is checked inside whatever index range scan
/// the page's other filters chose, not by reading the caller's requests first.
/// </summary>
public static class RequestVisibility
{
    public static IQueryable<ClientRequest> VisibleTo(this IQueryable<ClientRequest> requests, RequestScope scope, RequestsDbContext db)
    {
        if (scope.SeesAll) return requests;
        var me = scope.UserId;
        var departments = scope.Departments.ToList();
        return (scope.OnAccountTeams, scope.IsDepartmentStaff) switch
        {
            (true, false) => requests.Where(r => db.ClientTeamMembers.Any(m => m.UserId == me && m.ClientId == r.ClientId)),
            (false, true) => requests.Where(r => db.WorkItems.Any(w => w.RequestId == r.Id && departments.Contains(w.DepartmentCode))),
            (true, true) => requests.Where(r => db.ClientTeamMembers.Any(m => m.UserId == me && m.ClientId == r.ClientId)
                || db.WorkItems.Any(w => w.RequestId == r.Id && departments.Contains(w.DepartmentCode))),
            _ => requests.Where(_ => false),
        };
    }

    /// <summary>Whether the caller is on the client's current team, per the projection.</summary>
    public static Task<bool> IsOnTeamAsync(this RequestsDbContext db, RequestScope scope, Guid clientId, CancellationToken cancellationToken) =>
        scope.OnAccountTeams
            ? db.ClientTeamMembers.AnyAsync(m => m.UserId == scope.UserId && m.ClientId == clientId, cancellationToken)
            : Task.FromResult(false);

    /// <summary>The ids among <paramref name="clientIds"/> whose team the caller is on: one query for a whole batch.</summary>
    public static async Task<HashSet<Guid>> TeamClientsAsync(this RequestsDbContext db, RequestScope scope, IReadOnlyCollection<Guid> clientIds,
        CancellationToken cancellationToken)
    {
        if (!scope.OnAccountTeams || clientIds.Count == 0) return [];
        return (await db.ClientTeamMembers.AsNoTracking().Where(m => m.UserId == scope.UserId && clientIds.Contains(m.ClientId))
            .Select(m => m.ClientId).ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>The current account manager of each client, for escalations (the manager of the day, not of the request's opening).</summary>
    public static async Task<Dictionary<Guid, string>> CurrentManagersAsync(this RequestsDbContext db, IReadOnlyCollection<Guid> clientIds,
        CancellationToken cancellationToken) =>
        await db.ClientTeams.AsNoTracking().Where(t => clientIds.Contains(t.ClientId) && t.AccountManagerId != "")
            .ToDictionaryAsync(t => t.ClientId, t => t.AccountManagerId, cancellationToken);
}
