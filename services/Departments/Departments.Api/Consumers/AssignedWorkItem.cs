using ClientRequests.Departments.Data;
using ClientRequests.Departments.Domain;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Departments.Consumers;

/// <summary>The work item a message about it names, for the consumers of messages that may overtake its assignment.</summary>
static class AssignedWorkItem
{
    /// <summary>
    /// Null for an external department's item: its own system keeps it. A managed department's item that is not here yet
    /// throws, so the message is retried once the assignment it overtook is consumed.
    /// </summary>
    public static async Task<WorkItem?> FindAsync(DepartmentsDbContext db, Guid workItemId, string departmentCode, CancellationToken cancellationToken)
    {
        var item = await db.WorkItems.SingleOrDefaultAsync(i => i.Id == workItemId, cancellationToken);
        if (item is not null) return item;
        var managed = await db.Departments.AnyAsync(d => d.Code == departmentCode && d.Mode == DepartmentMode.Managed, cancellationToken);
        if (managed) throw new WorkItemNotYetAssignedException(workItemId);
        return null;
    }
}
