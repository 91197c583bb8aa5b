namespace ClientRequests.Notifications.Domain;

/// <summary>One event for one subscription: the body is fixed when the event arrives, so a replay sends the same bytes.</summary>
public sealed class WebhookDelivery
{
    public Guid Id { get; init; }
    public Guid SubscriptionId { get; init; }
    public Guid EventId { get; init; }
    public required string EventType { get; init; }
    public required string Payload { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DeliveryStatus Status { get; private set; }
    /// <summary>Failures since the delivery was created or last replayed; reaching the limit parks it.</summary>
    public int FailuresInARow { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    /// <summary>Set while one dispatcher (of possibly several replicas) is sending it.</summary>
    public DateTimeOffset? LeaseUntil { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    public static WebhookDelivery For(WebhookSubscription subscription, Guid eventId, string payload, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        SubscriptionId = subscription.Id,
        EventId = eventId,
        EventType = subscription.EventType,
        Payload = payload,
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public void Succeeded(DateTimeOffset now)
    {
        Attempts++;
        Status = DeliveryStatus.Delivered;
        DeliveredAt = now;
        LeaseUntil = null;
    }

    /// <summary>Schedules the next attempt, or parks the delivery; true when it was parked.</summary>
    public bool Failed(DateTimeOffset now, RetryPolicy policy, double jitter)
    {
        Attempts++;
        FailuresInARow++;
        LeaseUntil = null;
        if (FailuresInARow >= policy.PauseAfterFailures)
        {
            Status = DeliveryStatus.Parked;
            return true;
        }
        NextAttemptAt = now + policy.DelayAfter(FailuresInARow, jitter);
        return false;
    }

    /// <summary>An operator asks for it again: a fresh failure budget, sent as soon as a dispatcher is free.</summary>
    public void Replay(DateTimeOffset now)
    {
        Status = DeliveryStatus.Pending;
        FailuresInARow = 0;
        NextAttemptAt = now;
        LeaseUntil = null;
    }
}
