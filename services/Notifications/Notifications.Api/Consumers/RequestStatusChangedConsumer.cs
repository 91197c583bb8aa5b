using ClientRequests.Contracts.Requests;
using ClientRequests.Messaging.Inbox;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using MassTransit;

namespace ClientRequests.Notifications.Consumers;

/// <summary>A new status reaches the account team and the watchers, except whoever changed it.</summary>
public sealed class RequestStatusChangedConsumer(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : IdempotentConsumer<RequestStatusChanged, NotificationsDbContext>(db, clock)
{
    protected override string InboxName => "RequestStatusChangedConsumer";

    protected override async Task ApplyAsync(ConsumeContext<RequestStatusChanged> context)
    {
        var m = context.Message;
        var audience = await RequestAudience.LoadAsync(Db, m.RequestId, m.ClientId, context.CancellationToken);
        var recipients = audience.AccountTeam(m.AccountManagerId).Concat(audience.Watchers()).Where(r => r.Id != m.ActorId);
        var by = m.ActorId == "system" ? "as its departments progressed" : $"by {m.ActorId}";
        var announcement = new Announcement(NotificationKinds.RequestStatusChanged, $"{audience.Label} is now {m.Status}",
            $"The request was moved to {m.Status} {by}.", m.RequestId);
        await notifier.NotifyAsync(context.MessageId!.Value, m, announcement, recipients, Clock.GetUtcNow(), context.CancellationToken);
    }
}
