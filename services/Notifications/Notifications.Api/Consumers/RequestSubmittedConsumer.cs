using ClientRequests.Contracts.Requests;
using ClientRequests.Messaging.Inbox;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using ClientRequests.Notifications.Email;
using ClientRequests.Notifications.Webhooks;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientRequests.Notifications.Consumers;

/// <summary>Tells the client's account team (in the app and by e-mail) and the subscribed integrators that a request was opened.</summary>
public sealed class RequestSubmittedConsumer(NotificationsDbContext db, TimeProvider clock, IOptions<EmailOptions> email)
    : IdempotentConsumer<RequestSubmitted, NotificationsDbContext>(db, clock)
{
    protected override async Task ApplyAsync(ConsumeContext<RequestSubmitted> context)
    {
        var message = context.Message;
        var eventId = context.MessageId!.Value;
        var now = Clock.GetUtcNow();
        var title = $"New {message.Priority} {message.Type} request for {message.ClientName}";
        var body = $"{message.Title} (opened by {message.OpenedBy}; departments: {string.Join(", ", message.DepartmentCodes)}).";
        var mail = EmailTemplates.RequestSubmitted(message);

        // The manager may also be listed as an executive; one notification each all the same.
        var recipients = message.AccountExecutiveIds.Prepend(message.AccountManagerId)
            .Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        var preferences = await Db.Preferences.Where(p => recipients.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, context.CancellationToken);
        foreach (var recipient in recipients)
        {
            var wants = preferences.GetValueOrDefault(recipient) ?? Preferences.DefaultFor(recipient);
            if (wants.InApp)
            {
                Db.Notifications.Add(new Notification
                {
                    Id = NewId.NextGuid(), RecipientId = recipient, Channel = NotificationChannel.InApp, EventId = eventId,
                    Kind = NotificationKinds.RequestSubmitted, Title = title, Body = body, RequestId = message.RequestId, CreatedAt = now,
                });
            }
            if (wants.Email)
            {
                Db.Notifications.Add(new Notification
                {
                    Id = NewId.NextGuid(), RecipientId = recipient, Channel = NotificationChannel.Email, EventId = eventId,
                    Kind = NotificationKinds.RequestSubmitted, Title = mail.Subject, Body = mail.Text, RequestId = message.RequestId,
                    CreatedAt = now, Address = wants.EmailAddress ?? email.Value.AddressOf(recipient),
                });
            }
        }
        await WebhookFanOut.AddDeliveriesAsync(Db, WebhookEventTypes.RequestSubmitted, eventId, message, now, context.CancellationToken);
    }
}
