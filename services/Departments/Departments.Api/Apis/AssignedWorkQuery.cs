using System.Security.Claims;
using ClientRequests.Departments.Data;
using ClientRequests.Departments.Domain;
using ClientRequests.ServiceDefaults.Paging;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Departments.Apis;

/// <summary>
/// One page of the work a member holds, soonest due first. Only the departments the token names are searched (admins:
/// all), which keeps the lookup on the (department, holder, status) index and matches what the member may act on.
/// </summary>
public sealed record AssignedWorkQuery(bool IncludeClosed, Cursor? After, int Limit)
{
    static readonly WorkItemStatus[] Open = [WorkItemStatus.Claimed, WorkItemStatus.InProgress];

    public async Task<Page<WorkItemView>> RunAsync(DepartmentsDbContext db, ClaimsPrincipal user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var userId = user.UserId();
        var query = db.WorkItems.AsNoTracking().Where(i => i.ClaimedBy == userId);
        if (!user.IsAdmin())
        {
            var codes = user.DepartmentCodes().Select(c => c.ToLowerInvariant()).ToList();
            if (codes.Count == 0) return new Page<WorkItemView>([], null);
            query = query.Where(i => codes.Contains(i.DepartmentCode));
        }
        if (!IncludeClosed) query = query.Where(i => Open.Contains(i.Status));
        if (After is { } c) query = query.Where(i => i.DueAt > c.At || (i.DueAt == c.At && i.Id.CompareTo(c.Id) > 0));

        var items = await query.OrderBy(i => i.DueAt).ThenBy(i => i.Id).Take(Limit + 1).ToListAsync(cancellationToken);
        var next = items.Count > Limit ? new Cursor(items[Limit - 1].DueAt, items[Limit - 1].Id).Encode() : null;
        return new Page<WorkItemView>(items.Take(Limit).Select(i => WorkItemView.From(i, now)).ToList(), next);
    }
}
