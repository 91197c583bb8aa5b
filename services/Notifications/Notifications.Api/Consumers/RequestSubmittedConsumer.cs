using ClientRequests.Contracts.Requests;
using ClientRequests.Messaging.Inbox;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using ClientRequests.Notifications.Webhooks;
using MassTransit;

namespace ClientRequests.Notifications.Consumers;

/// <summary>Tells the client's account team that a request was opened for their client, and the integrators who subscribed.</summary>
public sealed class RequestSubmittedConsumer(NotificationsDbContext db, TimeProvider clock)
    : IdempotentConsumer<RequestSubmitted, NotificationsDbContext>(db, clock)
{
    protected override async Task ApplyAsync(ConsumeContext<RequestSubmitted> context)
    {
        var message = context.Message;
        var now = Clock.GetUtcNow();
        var title = $"New {message.Priority} {message.Type} request for {message.ClientName}";
        var body = $"{message.Title} (opened by {message.OpenedBy}; departments: {string.Join(", ", message.DepartmentCodes)}).";

        // The manager may also be listed as an executive; one notification each all the same.
        var recipients = message.AccountExecutiveIds.Prepend(message.AccountManagerId)
            .Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal);
        foreach (var recipient in recipients)
        {
            Db.Notifications.Add(new Notification
            {
                Id = NewId.NextGuid(),
                RecipientId = recipient,
                Channel = NotificationChannel.InApp,
                EventId = context.MessageId!.Value,
                Kind = NotificationKinds.RequestSubmitted,
                Title = title,
                Body = body,
                RequestId = message.RequestId,
                CreatedAt = now,
            });
        }
        await WebhookFanOut.AddDeliveriesAsync(Db, WebhookEventTypes.RequestSubmitted, context.MessageId!.Value, message, now, context.CancellationToken);
    }
}
