using ClientRequests.Contracts.Departments;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using MassTransit;

namespace ClientRequests.Notifications.Consumers;

public sealed class WorkItemRejectedConsumer(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : TeamAndWatchersConsumer<WorkItemRejected>(db, clock, notifier)
{
    protected override string InboxName => "WorkItemRejectedConsumer";

    protected override Task ApplyAsync(ConsumeContext<WorkItemRejected> context)
    {
        var m = context.Message;
        return TellAsync(context, m.RequestId, m.ActorId, NotificationKinds.WorkItemRejected,
            label => $"{m.DepartmentCode} rejected its part of {label}", $"{m.ActorId}: {m.Reason}");
    }
}
