using System.Security.Claims;
using ClientRequests.Clients.Domain;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Clients.Data;

/// <summary>The reads every feature needs to know a team or a caller's scope; one query each.</summary>
public static class TeamLookups
{
    public static async Task<Dictionary<string, List<string>>> ExecutivesByManagerAsync(this ClientsDbContext db,
        IReadOnlyCollection<string> managerIds, CancellationToken cancellationToken)
    {
        var rows = await db.ExecutiveAssignments.AsNoTracking()
            .Where(a => a.ManagerId != null && managerIds.Contains(a.ManagerId))
            .Select(a => new { a.ManagerId, a.ExecutiveId })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ManagerId!)
            .ToDictionary(g => g.Key, g => g.Select(r => r.ExecutiveId).Order(StringComparer.Ordinal).ToList());
    }

    public static async Task<List<string>> ExecutivesOfAsync(this ClientsDbContext db, string managerId, CancellationToken cancellationToken) =>
        (await db.ExecutiveAssignments.AsNoTracking().Where(a => a.ManagerId == managerId)
            .Select(a => a.ExecutiveId).ToListAsync(cancellationToken)).Order(StringComparer.Ordinal).ToList();

    public static async Task<string?> ManagerOfAsync(this ClientsDbContext db, string executiveId, CancellationToken cancellationToken) =>
        await db.ExecutiveAssignments.AsNoTracking().Where(a => a.ExecutiveId == executiveId)
            .Select(a => a.ManagerId).SingleOrDefaultAsync(cancellationToken);

    public static async Task<ClientScope> ScopeOfAsync(this ClientsDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var roles = user.FindAll(PlatformClaims.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var reportsTo = roles.Contains(Roles.AccountExecutive) ? await db.ManagerOfAsync(userId, cancellationToken) : null;
        return ClientScope.For(userId, roles, reportsTo);
    }
}
