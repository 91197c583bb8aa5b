using ClientRequests.Contracts.Departments;
using ClientRequests.Departments.Data;
using ClientRequests.Messaging.Inbox;
using MassTransit;

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
        var item = await AssignedWorkItem.FindAsync(Db, message.WorkItemId, message.DepartmentCode, context.CancellationToken);
        if (item is null || message.ClockRevision <= item.ClockRevision) return;
        item.ClockRevision = message.ClockRevision;
        item.ClockPaused = message.Paused;
        // A paused clock has no instant it has not reached yet: the item keeps its last ones, and is not at risk while paused.
        if (message.DueAt is { } dueAt) item.DueAt = dueAt;
        if (message.AtRiskAt is { } atRiskAt) item.AtRiskAt = atRiskAt;
    }
}
