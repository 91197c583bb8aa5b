using ClientRequests.Contracts.Departments;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using MassTransit;

namespace ClientRequests.Notifications.Consumers;

/// <summary>The receiving department hears of it from the WorkItemQueued of its new work item, so it is not told twice.</summary>
public sealed class WorkItemHandedOverConsumer(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : TeamAndWatchersConsumer<WorkItemHandedOver>(db, clock, notifier)
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
