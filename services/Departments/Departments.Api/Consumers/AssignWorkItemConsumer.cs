using ClientRequests.Contracts.Departments;
using ClientRequests.Departments.Data;
using ClientRequests.Departments.Domain;
using ClientRequests.Messaging;
using ClientRequests.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Departments.Consumers;

/// <summary>Takes a work item from a managed department's queue into its human work queue.</summary>
public sealed class AssignWorkItemConsumer(DepartmentsDbContext db, TimeProvider clock)
    : IdempotentConsumer<AssignWorkItem, DepartmentsDbContext>(db, clock)
{
    protected override async Task ApplyAsync(ConsumeContext<AssignWorkItem> context)
    {
        var message = context.Message;
        // A second AssignWorkItem for the same item (a retry by the sender under a new id) must not queue it twice.
        if (await Db.WorkItems.AnyAsync(i => i.Id == message.WorkItemId, context.CancellationToken)) return;

        var now = Clock.GetUtcNow();
        var item = new WorkItem
        {
            Id = message.WorkItemId,
            RequestId = message.RequestId,
            ClientId = message.ClientId,
            DepartmentCode = message.DepartmentCode,
            Type = message.Type,
            Priority = message.Priority,
            Title = message.Title,
            Description = message.Description,
            AssignedAt = message.AssignedAt,
            QueuedAt = now,
            Sequence = 1,
        };
        Db.WorkItems.Add(item);
        Db.Publish(new WorkItemQueued
        {
            WorkItemId = item.Id,
            RequestId = item.RequestId,
            DepartmentCode = item.DepartmentCode,
            Sequence = item.Sequence,
            QueuedAt = now,
        }, Clock);
    }
}
