using ClientRequests.Messaging.Inbox;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Data;
using MassTransit;

namespace ClientRequests.Notifications.Consumers;

/// <summary>
/// Most events about a request reach its account team and its watchers, except whoever caused them: a department's
/// progress, a new status, a satisfaction score, a comment. One small consumer per event (the inbox is per consumer and
/// message type); the rule they share is here, so it cannot drift between them.
/// </summary>
public abstract class TeamAndWatchersConsumer<TEvent>(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : IdempotentConsumer<TEvent, NotificationsDbContext>(db, clock) where TEvent : class
{
    /// <param name="clientId">From events that carry it, so the team is found before RequestSubmitted has arrived.</param>
    /// <param name="managerFromEvent">Stands in for the team while this service knows no team for the client.</param>
    protected async Task TellAsync(ConsumeContext<TEvent> context, Guid requestId, string actorId, string kind, Func<string, string> title,
        string body, Guid? clientId = null, string? managerFromEvent = null)
    {
        var audience = await RequestAudience.LoadAsync(Db, requestId, clientId, context.CancellationToken);
        var recipients = audience.AccountTeam(managerFromEvent).Concat(audience.Watchers()).Where(r => r.Id != actorId);
        var announcement = new Announcement(kind, title(audience.Label), body, requestId);
        await notifier.NotifyAsync(context.MessageId!.Value, context.Message, announcement, recipients, Clock.GetUtcNow(), context.CancellationToken);
    }
}
