using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Notifications.Consumers;

/// <summary>Remembers which departments work on a request, so their staff may watch it.</summary>
static class RequestDepartments
{
    public static async Task AddAsync(NotificationsDbContext db, Guid requestId, string departmentCode, CancellationToken cancellationToken)
    {
        var code = departmentCode.ToLowerInvariant();
        if (db.RequestDepartments.Local.Any(d => d.RequestId == requestId && d.DepartmentCode == code)) return;
        // Two events for one request may race here; the loser's insert fails, the inbox finds no row for it, and the retry skips the insert.
        if (await db.RequestDepartments.AnyAsync(d => d.RequestId == requestId && d.DepartmentCode == code, cancellationToken)) return;
        db.RequestDepartments.Add(new RequestDepartment { RequestId = requestId, DepartmentCode = code });
    }
}
