using ClientRequests.Contracts.Departments;
using ClientRequests.Messaging.Inbox;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using MassTransit;

namespace ClientRequests.Notifications.Consumers;

/// <summary>
/// New work in a department's queue: its staff hear of it (group inbox) and so do the request's watchers. The account team
/// does not: the submission (or the hand-over) already told them which departments work on it.
/// </summary>
public sealed class WorkItemQueuedConsumer(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : IdempotentConsumer<WorkItemQueued, NotificationsDbContext>(db, clock)
{
    protected override string InboxName => "WorkItemQueuedConsumer";

    protected override async Task ApplyAsync(ConsumeContext<WorkItemQueued> context)
    {
        var message = context.Message;
        await RequestDepartments.AddAsync(Db, message.RequestId, message.DepartmentCode, context.CancellationToken);
        var audience = await RequestAudience.LoadAsync(Db, message.RequestId, clientId: null, context.CancellationToken);
        var announcement = new Announcement(NotificationKinds.WorkItemQueued, $"New work for {message.DepartmentCode}",
            $"{audience.Label} is in the {message.DepartmentCode} queue.", message.RequestId);
        var recipients = audience.Watchers()
            .Prepend(new Recipient(Groups.StaffOf(message.DepartmentCode), $"you work in {message.DepartmentCode}"));
        await notifier.NotifyAsync(context.MessageId!.Value, message, announcement, recipients, Clock.GetUtcNow(), context.CancellationToken);
    }
}
