using ClientRequests.Contracts.Departments;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using MassTransit;

namespace ClientRequests.Notifications.Consumers;

public sealed class WorkItemStartedConsumer(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : TeamAndWatchersConsumer<WorkItemStarted>(db, clock, notifier)
{
    protected override string InboxName => "WorkItemStartedConsumer";

    protected override Task ApplyAsync(ConsumeContext<WorkItemStarted> context)
    {
        var m = context.Message;
        return TellAsync(context, m.RequestId, m.ActorId, NotificationKinds.WorkItemStarted,
            label => $"{m.DepartmentCode} started on {label}", $"{m.ActorId} started the {m.DepartmentCode} work item.");
    }
}
