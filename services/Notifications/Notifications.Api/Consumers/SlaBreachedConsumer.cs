using ClientRequests.Contracts.Requests;
using ClientRequests.Messaging.Inbox;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using MassTransit;

namespace ClientRequests.Notifications.Consumers;

/// <summary>A breach concerns everyone following the request: whoever must act first, then the account team and the watchers.</summary>
public sealed class SlaBreachedConsumer(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : IdempotentConsumer<SlaBreached, NotificationsDbContext>(db, clock)
{
    protected override string InboxName => "SlaBreachedConsumer";

    protected override async Task ApplyAsync(ConsumeContext<SlaBreached> context)
    {
        var m = context.Message;
        var sla = new SlaClock(m.RequestId, m.ClientId, m.Clock, m.Elapsed, m.Target, m.EscalateTo);
        var audience = await RequestAudience.LoadAsync(Db, m.RequestId, m.ClientId, context.CancellationToken);
        var recipients = audience.AccountTeam().Concat(audience.Watchers()).Prepend(sla.Escalation());
        var announcement = new Announcement(NotificationKinds.SlaBreached, $"SLA breached on {audience.Label}", sla.Progress, m.RequestId);
        await notifier.NotifyAsync(context.MessageId!.Value, m, announcement, recipients, Clock.GetUtcNow(), context.CancellationToken);
    }
}
