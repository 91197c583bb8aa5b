using ClientRequests.Departments.Data;
using ClientRequests.Departments.Domain;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Departments.Queues;

public static class MemberLoads
{
    /// <summary>How many open items each member of the department holds.</summary>
    public static async Task<Dictionary<string, int>> ForDepartmentAsync(DepartmentsDbContext db, string code, CancellationToken cancellationToken) =>
        await db.WorkItems
            .Where(i => i.DepartmentCode == code && i.ClaimedBy != null && (i.Status == WorkItemStatus.Claimed || i.Status == WorkItemStatus.InProgress))
            .GroupBy(i => i.ClaimedBy!)
            .Select(g => new { UserId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.UserId, x => x.Count, cancellationToken);

    public static Task<int> ForMemberAsync(DepartmentsDbContext db, string code, string userId, CancellationToken cancellationToken) =>
        db.WorkItems.CountAsync(i => i.DepartmentCode == code && i.ClaimedBy == userId
            && (i.Status == WorkItemStatus.Claimed || i.Status == WorkItemStatus.InProgress), cancellationToken);
}
