using ClientRequests.Contracts.Requests;
using ClientRequests.Messaging.Inbox;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using MassTransit;

namespace ClientRequests.Notifications.Consumers;

/// <summary>What both SLA events say: which clock, how far along, and who must act (a user, or "department-lead:{code}").</summary>
public sealed record SlaClock(Guid RequestId, Guid ClientId, string Clock, TimeSpan Elapsed, TimeSpan Target, string EscalateTo)
{
    public Recipient Escalation()
    {
        var target = Groups.Normalise(EscalateTo);
        return new Recipient(target, Groups.IsGroup(target) ? "you lead the department whose clock it is" : "the clock escalates to you");
    }

    public string Progress => $"The {Clock} clock has run {Format(Elapsed)} of its {Format(Target)} target.";

    static string Format(TimeSpan span) => span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes:00} min" : $"{(int)span.TotalMinutes} min";
}

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
