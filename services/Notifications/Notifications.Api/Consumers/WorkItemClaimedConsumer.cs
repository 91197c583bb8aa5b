using ClientRequests.Contracts.Departments;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using MassTransit;

namespace ClientRequests.Notifications.Consumers;

public sealed class WorkItemClaimedConsumer(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : TeamAndWatchersConsumer<WorkItemClaimed>(db, clock, notifier)
{
    protected override string InboxName => "WorkItemClaimedConsumer";

    protected override Task ApplyAsync(ConsumeContext<WorkItemClaimed> context)
    {
        var m = context.Message;
        return TellAsync(context, m.RequestId, m.ActorId, NotificationKinds.WorkItemClaimed,
            label => $"{m.ActorId} in {m.DepartmentCode} took {label}", $"{m.ActorId} claimed the {m.DepartmentCode} work item.");
    }
}
