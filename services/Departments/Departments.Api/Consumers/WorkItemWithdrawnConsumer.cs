using ClientRequests.Contracts.Departments;
using ClientRequests.Departments.Data;
using ClientRequests.Departments.Domain;
using ClientRequests.Messaging.Inbox;
using MassTransit;

namespace ClientRequests.Departments.Consumers;

/// <summary>
/// The account team took this department off a request: its item leaves the queue, unless its work started meanwhile
/// (then the agent finishes or rejects it as usual, and the request records that step).
/// </summary>
public sealed class WorkItemWithdrawnConsumer(DepartmentsDbContext db, TimeProvider clock, ILogger<WorkItemWithdrawnConsumer> logger)
    : IdempotentConsumer<WorkItemWithdrawn, DepartmentsDbContext>(db, clock)
{
    protected override string InboxName => "WorkItemWithdrawnConsumer";

    protected override async Task ApplyAsync(ConsumeContext<WorkItemWithdrawn> context)
    {
        var message = context.Message;
        var item = await AssignedWorkItem.FindAsync(Db, message.WorkItemId, message.DepartmentCode, context.CancellationToken);
        if (item is null) return;
        if (item.Status is not (WorkItemStatus.Queued or WorkItemStatus.Claimed))
        {
            logger.LogWarning("Work item {WorkItemId} was withdrawn by {Actor} but is {Status} here; it stays", item.Id, message.ActorId, item.Status);
            return;
        }
        item.Status = WorkItemStatus.Withdrawn;
        item.ClosedAt = message.WithdrawnAt;
        item.ResolutionNote = $"Withdrawn by {message.ActorId}.";
    }
}
