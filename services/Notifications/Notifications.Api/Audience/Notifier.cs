using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using ClientRequests.Notifications.Email;
using ClientRequests.Notifications.Webhooks;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientRequests.Notifications.Audience;

/// <summary>
/// Records one event's notifications (in-app and e-mail, per preferences: see DeliveryPlan) and webhook deliveries in the consumer's
/// unit of work; the IdempotentConsumer saves them with its inbox row, so a redelivered event adds nothing.
/// </summary>
public sealed class Notifier(NotificationsDbContext db, IOptions<EmailOptions> email)
{
    public async Task NotifyAsync<TEvent>(Guid eventId, TEvent message, Announcement announcement, IEnumerable<Recipient> recipients,
        DateTimeOffset now, CancellationToken cancellationToken, Func<Recipient, EmailContent>? mail = null)
    {
        // One notification per recipient and channel: the first reason listed wins (callers list the closest tie first).
        var unique = recipients.Where(r => !string.IsNullOrWhiteSpace(r.Id)).DistinctBy(r => r.Id, StringComparer.Ordinal).ToList();
        var users = unique.Where(r => !Groups.IsGroup(r.Id)).Select(r => r.Id).ToList();
        var preferences = await db.Preferences.Where(p => users.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, cancellationToken);
        foreach (var recipient in unique)
        {
            // A group has no preferences and no mailbox of its own: it is an inbox its members read in the app.
            if (Groups.IsGroup(recipient.Id))
            {
                db.Notifications.Add(New(recipient.Id, NotificationChannel.InApp, eventId, announcement.Kind, announcement.Title, announcement.Body,
                    announcement.RequestId, now, address: null, plan: null));
                continue;
            }
            var wants = preferences.GetValueOrDefault(recipient.Id) ?? Preferences.DefaultFor(recipient.Id);
            var plan = DeliveryPlan.For(wants, announcement.Kind, now, email.Value.DigestAt);
            if (plan.InApp)
                db.Notifications.Add(New(recipient.Id, NotificationChannel.InApp, eventId, announcement.Kind, announcement.Title, announcement.Body,
                    announcement.RequestId, now, address: null, plan: null));
            if (plan.Email is { } mailPlan)
            {
                var content = mail?.Invoke(recipient) ?? EmailTemplates.Announcement(announcement, recipient.Reason);
                db.Notifications.Add(New(recipient.Id, NotificationChannel.Email, eventId, announcement.Kind, content.Subject, content.Text,
                    announcement.RequestId, now, wants.EmailAddress ?? email.Value.AddressOf(recipient.Id), mailPlan));
            }
        }
        await WebhookFanOut.AddDeliveriesAsync(db, announcement.Kind, eventId, message, now, cancellationToken);
    }

    static Notification New(string recipient, NotificationChannel channel, Guid eventId, string kind, string title, string body, Guid requestId,
        DateTimeOffset now, string? address, EmailPlan? plan) => new()
    {
        Id = NewId.NextGuid(), RecipientId = recipient, Channel = channel, EventId = eventId, Kind = kind,
        Title = Truncate(title, 300), Body = Truncate(body, 4000), RequestId = requestId, CreatedAt = now, Address = address,
        DueAt = plan?.DueAt ?? now, Digest = plan?.Digest ?? false,
    };

    // Event texts (titles, notes, reasons) come from other services; a long one must not fail the whole event on the column limits.
    static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
