using ClientRequests.Contracts.Requests;
using ClientRequests.Messaging.Inbox;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using MassTransit;

namespace ClientRequests.Notifications.Consumers;

/// <summary>A warning only for whoever must act, so there is still time; the team and watchers hear if it is breached.</summary>
public sealed class SlaAtRiskConsumer(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : IdempotentConsumer<SlaAtRisk, NotificationsDbContext>(db, clock)
{
    protected override string InboxName => "SlaAtRiskConsumer";

    protected override async Task ApplyAsync(ConsumeContext<SlaAtRisk> context)
    {
        var m = context.Message;
        var sla = new SlaClock(m.RequestId, m.ClientId, m.Clock, m.Elapsed, m.Target, m.EscalateTo);
        var audience = await RequestAudience.LoadAsync(Db, m.RequestId, m.ClientId, context.CancellationToken);
        var announcement = new Announcement(NotificationKinds.SlaAtRisk, $"SLA at risk on {audience.Label}", sla.Progress, m.RequestId);
        await notifier.NotifyAsync(context.MessageId!.Value, m, announcement, [sla.Escalation()], Clock.GetUtcNow(), context.CancellationToken);
    }
}
