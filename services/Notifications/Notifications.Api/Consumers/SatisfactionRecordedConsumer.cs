using ClientRequests.Contracts.Requests;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using MassTransit;

namespace ClientRequests.Notifications.Consumers;

/// <summary>The client's verdict reaches the rest of the account team and the watchers; whoever recorded it knows.</summary>
public sealed class SatisfactionRecordedConsumer(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : TeamAndWatchersConsumer<SatisfactionRecorded>(db, clock, notifier)
{
    protected override string InboxName => "SatisfactionRecordedConsumer";

    protected override Task ApplyAsync(ConsumeContext<SatisfactionRecorded> context)
    {
        var m = context.Message;
        return TellAsync(context, m.RequestId, m.RecordedBy, NotificationKinds.SatisfactionRecorded, label => $"Satisfaction {m.Score}/5 for {label}",
            m.Comment is { Length: > 0 } comment ? $"Recorded by {m.RecordedBy}: {comment}" : $"Recorded by {m.RecordedBy}.", m.ClientId);
    }
}
