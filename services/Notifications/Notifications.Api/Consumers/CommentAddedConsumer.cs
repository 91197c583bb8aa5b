using ClientRequests.Contracts.Requests;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using MassTransit;

namespace ClientRequests.Notifications.Consumers;

/// <summary>A comment reaches the account team and the watchers, except its author.</summary>
public sealed class CommentAddedConsumer(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : TeamAndWatchersConsumer<CommentAdded>(db, clock, notifier)
{
    protected override string InboxName => "CommentAddedConsumer";

    const int ExcerptLength = 280;

    protected override Task ApplyAsync(ConsumeContext<CommentAdded> context)
    {
        var m = context.Message;
        var excerpt = m.Text.Length <= ExcerptLength ? m.Text : m.Text[..ExcerptLength] + "…";
        var seenBy = m.Visibility == "client" ? " (the client sees it)" : "";
        return TellAsync(context, m.RequestId, m.AuthorId, NotificationKinds.CommentAdded, label => $"{m.AuthorId} commented on {label}",
            $"{excerpt}{seenBy}", m.ClientId);
    }
}
