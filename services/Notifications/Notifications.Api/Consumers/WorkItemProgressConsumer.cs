using ClientRequests.Messaging.Inbox;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Data;
using MassTransit;

namespace ClientRequests.Notifications.Consumers;

/// <summary>
/// A department's progress on a request reaches the account team and the watchers, except whoever did it.
/// One small consumer per event (the inbox is per consumer and message type); what they share is here.
/// </summary>
public abstract class WorkItemProgressConsumer<TEvent>(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : IdempotentConsumer<TEvent, NotificationsDbContext>(db, clock) where TEvent : class
{
    protected async Task TellAsync(ConsumeContext<TEvent> context, Guid requestId, string actorId, string kind, Func<string, string> title,
        string body)
    {
        var audience = await RequestAudience.LoadAsync(Db, requestId, clientId: null, context.CancellationToken);
        var recipients = audience.AccountTeam().Concat(audience.Watchers()).Where(r => r.Id != actorId);
        var announcement = new Announcement(kind, title(audience.Label), body, requestId);
        await notifier.NotifyAsync(context.MessageId!.Value, context.Message, announcement, recipients, Clock.GetUtcNow(), context.CancellationToken);
    }
}
