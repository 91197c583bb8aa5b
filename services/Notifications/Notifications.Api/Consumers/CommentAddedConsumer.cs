using ClientRequests.Contracts.Requests;
using ClientRequests.Messaging.Inbox;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using MassTransit;

namespace ClientRequests.Notifications.Consumers;

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
