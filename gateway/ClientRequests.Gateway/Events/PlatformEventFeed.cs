using ClientRequests.Contracts.Clients;
using ClientRequests.Contracts.Departments;
using ClientRequests.Contracts.Requests;
using MassTransit;

namespace ClientRequests.Gateway.Events;

/// <summary>
/// Consumes the platform's events on this gateway instance's own queue and hands them to the <see cref="PlatformEventHub"/>.
/// No inbox: nothing is stored, so a redelivered event only makes subscribers re-read what they already have.
/// </summary>
public sealed class PlatformEventFeed(PlatformEventHub hub) :
    IConsumer<RequestStatusChanged>, IConsumer<SatisfactionRecorded>, IConsumer<SlaAtRisk>, IConsumer<SlaBreached>,
    IConsumer<WorkItemQueued>, IConsumer<WorkItemClaimed>, IConsumer<WorkItemStarted>, IConsumer<WorkItemCompleted>,
    IConsumer<WorkItemRejected>, IConsumer<WorkItemHandedOver>, IConsumer<AccountTeamChanged>
{
    public Task Consume(ConsumeContext<AccountTeamChanged> context) => Publish(new(EventKinds.AccountTeamChanged,
        Guid.Empty, context.Message.ChangedAt, ClientId: context.Message.ClientId));

    public Task Consume(ConsumeContext<RequestStatusChanged> context) => Publish(new(EventKinds.RequestStatusChanged,
        context.Message.RequestId, context.Message.ChangedAt, ActorId: context.Message.ActorId, RequestStatus: context.Message.Status));

    public Task Consume(ConsumeContext<SatisfactionRecorded> context) => Publish(new(EventKinds.SatisfactionRecorded,
        context.Message.RequestId, context.Message.RecordedAt, ActorId: context.Message.RecordedBy));

    public Task Consume(ConsumeContext<SlaAtRisk> context) => Publish(new(EventKinds.SlaAtRisk,
        context.Message.RequestId, context.Message.DetectedAt, context.Message.DepartmentCode, context.Message.WorkItemId));

    public Task Consume(ConsumeContext<SlaBreached> context) => Publish(new(EventKinds.SlaBreached,
        context.Message.RequestId, context.Message.DetectedAt, context.Message.DepartmentCode, context.Message.WorkItemId));

    public Task Consume(ConsumeContext<WorkItemQueued> context)
    {
        var m = context.Message;
        return Publish(new(EventKinds.WorkItemQueued, m.RequestId, m.QueuedAt, m.DepartmentCode, m.WorkItemId, "Queued", m.Sequence));
    }

    public Task Consume(ConsumeContext<WorkItemClaimed> context)
    {
        var m = context.Message;
        return Publish(new(EventKinds.WorkItemClaimed, m.RequestId, m.ClaimedAt, m.DepartmentCode, m.WorkItemId, "Claimed", m.Sequence, m.ActorId));
    }

    public Task Consume(ConsumeContext<WorkItemStarted> context)
    {
        var m = context.Message;
        return Publish(new(EventKinds.WorkItemStarted, m.RequestId, m.StartedAt, m.DepartmentCode, m.WorkItemId, "InProgress", m.Sequence, m.ActorId));
    }

    public Task Consume(ConsumeContext<WorkItemCompleted> context)
    {
        var m = context.Message;
        return Publish(new(EventKinds.WorkItemCompleted, m.RequestId, m.CompletedAt, m.DepartmentCode, m.WorkItemId, "Completed", m.Sequence, m.ActorId));
    }

    public Task Consume(ConsumeContext<WorkItemRejected> context)
    {
        var m = context.Message;
        return Publish(new(EventKinds.WorkItemRejected, m.RequestId, m.RejectedAt, m.DepartmentCode, m.WorkItemId, "Rejected", m.Sequence, m.ActorId));
    }

    public Task Consume(ConsumeContext<WorkItemHandedOver> context)
    {
        var m = context.Message;
        return Publish(new(EventKinds.WorkItemHandedOver, m.RequestId, m.HandedOverAt, m.DepartmentCode, m.WorkItemId, "HandedOver", m.Sequence,
            m.ActorId, ToDepartmentCode: m.ToDepartmentCode));
    }

    Task Publish(PlatformEvent change)
    {
        hub.Publish(change);
        return Task.CompletedTask;
    }
}
