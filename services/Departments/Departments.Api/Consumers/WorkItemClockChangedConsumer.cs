using ClientRequests.Contracts.Departments;
using ClientRequests.Departments.Data;
using ClientRequests.Departments.Domain;
using ClientRequests.Messaging;
using ClientRequests.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Departments.Consumers;

/// <summary>
/// Keeps a work item's due and at-risk instants as the requests service recomputed them: the newest revision wins, whatever
/// the arrival order. No arithmetic here: the queue's sort, at-risk filter and board read exactly what was sent.
/// </summary>
public sealed class WorkItemClockChangedConsumer(DepartmentsDbContext db, TimeProvider clock)
    : IdempotentConsumer<WorkItemClockChanged, DepartmentsDbContext>(db, clock)
{
    protected override string InboxName => "WorkItemClockChangedConsumer";

    protected override async Task ApplyAsync(ConsumeContext<WorkItemClockChanged> context)
    {
        var message = context.Message;
        var item = await Db.WorkItems.SingleOrDefaultAsync(i => i.Id == message.WorkItemId, context.CancellationToken);
        if (item is null)
        {
            // An external department's items are its own system's; a managed one's assignment may still be on its queue.
            var managed = await Db.Departments.AnyAsync(d => d.Code == message.DepartmentCode && d.Mode == DepartmentMode.Managed, context.CancellationToken);
            if (managed) throw new WorkItemNotYetAssignedException(message.WorkItemId);
            return;
        }
        if (message.ClockRevision <= item.ClockRevision) return;
        item.ClockRevision = message.ClockRevision;
        item.ClockPaused = message.Paused;
        // A paused clock has no instant it has not reached yet: the item keeps its last ones, and is not at risk while paused.
        if (message.DueAt is { } dueAt) item.DueAt = dueAt;
        if (message.AtRiskAt is { } atRiskAt) item.AtRiskAt = atRiskAt;
    }
}
