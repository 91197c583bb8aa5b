using System.Text.Json;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Notifications.Webhooks;

/// <summary>Queues one delivery per subscription of the event type, in the consumer's transaction.</summary>
public static class WebhookFanOut
{
    static readonly JsonSerializerOptions json = new(JsonSerializerDefaults.Web);

    public static async Task AddDeliveriesAsync<T>(NotificationsDbContext db, string eventType, Guid eventId, T data, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // Paused subscriptions get their deliveries too: they wait, in order, until the receiver is back.
        var subscriptions = await db.WebhookSubscriptions.Where(s => s.EventType == eventType).ToListAsync(cancellationToken);
        if (subscriptions.Count == 0) return;
        var payload = JsonSerializer.Serialize(new { id = eventId, type = eventType, occurredAt = now, data }, json);
        foreach (var subscription in subscriptions)
            db.WebhookDeliveries.Add(WebhookDelivery.For(subscription, eventId, payload, now));
    }
}
