using ClientRequests.Contracts.Departments;
using ClientRequests.Departments.Data;
using ClientRequests.Departments.Domain;
using ClientRequests.Departments.Queues;
using ClientRequests.Messaging;
using ClientRequests.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Departments.Consumers;

/// <summary>Takes a work item from a managed department's queue into its human work queue.</summary>
public sealed class AssignWorkItemConsumer(DepartmentsDbContext db, TimeProvider clock, AssignmentSignal assignment)
    : IdempotentConsumer<AssignWorkItem, DepartmentsDbContext>(db, clock)
{
    protected override string InboxName => "AssignWorkItemConsumer";

    protected override async Task ApplyAsync(ConsumeContext<AssignWorkItem> context)
    {
        var message = context.Message;
        var department = await Db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Code == message.DepartmentCode, context.CancellationToken);
        // Thrown, not ignored: after the bounded retries the message lands in the _error queue where an operator sees it.
        WorkItemMessageException.ThrowIfInvalid(message, department);
        var queue = context.ReceiveContext.InputAddress.AbsolutePath.Split('/')[^1];
        if (!string.Equals(queue, DepartmentQueue.Name(department!.Code), StringComparison.OrdinalIgnoreCase))
            throw new WorkItemMessageException($"AssignWorkItem {message.WorkItemId} for department '{department.Code}' arrived on queue '{queue}'.");

        // A second AssignWorkItem for the same item (a retry by the sender under a new id) must not queue it twice.
        if (await Db.WorkItems.AnyAsync(i => i.Id == message.WorkItemId, context.CancellationToken)) return;

        var rules = await Db.RoutingRules.AsNoTracking().ToListAsync(context.CancellationToken);
        var now = Clock.GetUtcNow();
        var item = new WorkItem
        {
            Id = message.WorkItemId,
            RequestId = message.RequestId,
            ClientId = message.ClientId,
            DepartmentCode = department!.Code,
            Type = message.Type,
            Priority = message.Priority,
            Title = message.Title,
            Description = message.Description,
            AssignedAt = message.AssignedAt,
            QueuedAt = now,
            DueAt = message.DueAt,
            AtRiskAt = message.AtRiskAt,
            ClockRevision = message.ClockRevision,
            RequiredSkills = [.. Router.RequiredSkills(rules, department.Code, message.Type, message.Priority)],
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
        // Offered after this commits (the assigner reads the database); a signal before the commit only costs a pass.
        if (department.LoadAware) assignment.Notify(department.Code);
    }
}
