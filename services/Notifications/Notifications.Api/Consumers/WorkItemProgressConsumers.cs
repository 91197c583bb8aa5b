using ClientRequests.Contracts.Departments;
using ClientRequests.Messaging.Inbox;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using MassTransit;

namespace ClientRequests.Notifications.Consumers;

/// <summary>
/// A department's progress on a request reaches the account team and the watchers, except whoever did it.
/// One small consumer per event (the inbox is per consumer and message type); what they share is here.
/// </summary>
public abstract class WorkItemProgressConsumer<TEvent>(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : IdempotentConsumer<TEvent, NotificationsDbContext>(db, clock) where TEvent : class
{
    protected async Task TellAsync(ConsumeContext<TEvent> context, Guid requestId, string actorId, string kind, Func<string, string> title,
        string body)
    {
        var audience = await RequestAudience.LoadAsync(Db, requestId, clientId: null, context.CancellationToken);
        var recipients = audience.AccountTeam().Concat(audience.Watchers()).Where(r => r.Id != actorId);
        var announcement = new Announcement(kind, title(audience.Label), body, requestId);
        await notifier.NotifyAsync(context.MessageId!.Value, context.Message, announcement, recipients, Clock.GetUtcNow(), context.CancellationToken);
    }
}

public sealed class WorkItemClaimedConsumer(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : WorkItemProgressConsumer<WorkItemClaimed>(db, clock, notifier)
{
    protected override string InboxName => "WorkItemClaimedConsumer";

    protected override Task ApplyAsync(ConsumeContext<WorkItemClaimed> context)
    {
        var m = context.Message;
        return TellAsync(context, m.RequestId, m.ActorId, NotificationKinds.WorkItemClaimed,
            label => $"{m.ActorId} in {m.DepartmentCode} took {label}", $"{m.ActorId} claimed the {m.DepartmentCode} work item.");
    }
}

public sealed class WorkItemStartedConsumer(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : WorkItemProgressConsumer<WorkItemStarted>(db, clock, notifier)
{
    protected override string InboxName => "WorkItemStartedConsumer";

    protected override Task ApplyAsync(ConsumeContext<WorkItemStarted> context)
    {
        var m = context.Message;
        return TellAsync(context, m.RequestId, m.ActorId, NotificationKinds.WorkItemStarted,
            label => $"{m.DepartmentCode} started on {label}", $"{m.ActorId} started the {m.DepartmentCode} work item.");
    }
}

public sealed class WorkItemCompletedConsumer(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : WorkItemProgressConsumer<WorkItemCompleted>(db, clock, notifier)
{
    protected override string InboxName => "WorkItemCompletedConsumer";

    protected override Task ApplyAsync(ConsumeContext<WorkItemCompleted> context)
    {
        var m = context.Message;
        return TellAsync(context, m.RequestId, m.ActorId, NotificationKinds.WorkItemCompleted,
            label => $"{m.DepartmentCode} completed its part of {label}", $"{m.ActorId}: {m.ResolutionNote}");
    }
}

public sealed class WorkItemRejectedConsumer(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : WorkItemProgressConsumer<WorkItemRejected>(db, clock, notifier)
{
    protected override string InboxName => "WorkItemRejectedConsumer";

    protected override Task ApplyAsync(ConsumeContext<WorkItemRejected> context)
    {
        var m = context.Message;
        return TellAsync(context, m.RequestId, m.ActorId, NotificationKinds.WorkItemRejected,
            label => $"{m.DepartmentCode} rejected its part of {label}", $"{m.ActorId}: {m.Reason}");
    }
}

/// <summary>The receiving department hears of it from the WorkItemQueued of its new work item, so it is not told twice.</summary>
public sealed class WorkItemHandedOverConsumer(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : WorkItemProgressConsumer<WorkItemHandedOver>(db, clock, notifier)
{
    protected override string InboxName => "WorkItemHandedOverConsumer";

    protected override async Task ApplyAsync(ConsumeContext<WorkItemHandedOver> context)
    {
        var m = context.Message;
        await RequestDepartments.AddAsync(Db, m.RequestId, m.ToDepartmentCode, context.CancellationToken);
        await TellAsync(context, m.RequestId, m.ActorId, NotificationKinds.WorkItemHandedOver,
            label => $"{m.DepartmentCode} handed {label} over to {m.ToDepartmentCode}",
            $"{m.ActorId} passed the work from {m.DepartmentCode} to {m.ToDepartmentCode}.");
    }
}
