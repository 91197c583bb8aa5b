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

/// <summary>A comment reaches the account team and the watchers, except its author.</summary>
public sealed class CommentAddedConsumer(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : IdempotentConsumer<CommentAdded, NotificationsDbContext>(db, clock)
{
    protected override string InboxName => "CommentAddedConsumer";

    const int ExcerptLength = 280;

    protected override async Task ApplyAsync(ConsumeContext<CommentAdded> context)
    {
        var m = context.Message;
        var audience = await RequestAudience.LoadAsync(Db, m.RequestId, m.ClientId, context.CancellationToken);
        var recipients = audience.AccountTeam().Concat(audience.Watchers()).Where(r => r.Id != m.AuthorId);
        var excerpt = m.Text.Length <= ExcerptLength ? m.Text : m.Text[..ExcerptLength] + "…";
        var seenBy = m.Visibility == "client" ? " (the client sees it)" : "";
        var announcement = new Announcement(NotificationKinds.CommentAdded, $"{m.AuthorId} commented on {audience.Label}",
            $"{excerpt}{seenBy}", m.RequestId);
        await notifier.NotifyAsync(context.MessageId!.Value, m, announcement, recipients, Clock.GetUtcNow(), context.CancellationToken);
    }
}
