using ClientRequests.Contracts.Departments;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using MassTransit;

namespace ClientRequests.Notifications.Consumers;

public sealed class WorkItemCompletedConsumer(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : TeamAndWatchersConsumer<WorkItemCompleted>(db, clock, notifier)
{
    protected override string InboxName => "WorkItemCompletedConsumer";

    protected override Task ApplyAsync(ConsumeContext<WorkItemCompleted> context)
    {
        var m = context.Message;
        return TellAsync(context, m.RequestId, m.ActorId, NotificationKinds.WorkItemCompleted,
            label => $"{m.DepartmentCode} completed its part of {label}", $"{m.ActorId}: {m.ResolutionNote}");
    }
}
