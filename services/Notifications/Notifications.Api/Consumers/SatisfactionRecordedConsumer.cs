using ClientRequests.Contracts.Requests;
using ClientRequests.Messaging.Inbox;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using MassTransit;

namespace ClientRequests.Notifications.Consumers;

/// <summary>The client's verdict reaches the rest of the account team and the watchers; whoever recorded it knows.</summary>
public sealed class SatisfactionRecordedConsumer(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : IdempotentConsumer<SatisfactionRecorded, NotificationsDbContext>(db, clock)
{
    protected override string InboxName => "SatisfactionRecordedConsumer";

    protected override async Task ApplyAsync(ConsumeContext<SatisfactionRecorded> context)
    {
        var m = context.Message;
        var audience = await RequestAudience.LoadAsync(Db, m.RequestId, m.ClientId, context.CancellationToken);
        var recipients = audience.AccountTeam().Concat(audience.Watchers()).Where(r => r.Id != m.RecordedBy);
        var announcement = new Announcement(NotificationKinds.SatisfactionRecorded, $"Satisfaction {m.Score}/5 for {audience.Label}",
            m.Comment is { Length: > 0 } comment ? $"Recorded by {m.RecordedBy}: {comment}" : $"Recorded by {m.RecordedBy}.", m.RequestId);
        await notifier.NotifyAsync(context.MessageId!.Value, m, announcement, recipients, Clock.GetUtcNow(), context.CancellationToken);
    }
}
