namespace ClientRequests.Notifications.Domain;

public enum SubscriptionStatus
{
    Active,
    /// <summary>The receiver failed too often; nothing is sent until a delivery is replayed.</summary>
    Paused,
}

/// <summary>An integrator's endpoint for one event type, and the secret its deliveries are signed with.</summary>
public sealed class WebhookSubscription
{
    public const int MinimumSecretLength = 32;

    public Guid Id { get; init; }
    public required string EventType { get; init; }
    public required string Url { get; init; }
    /// <summary>Kept readable because every delivery is signed with it; the database is the trust boundary.</summary>
    public required string Secret { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public SubscriptionStatus Status { get; private set; }
    public DateTimeOffset? PausedAt { get; private set; }

    public void Pause(DateTimeOffset now)
    {
        if (Status == SubscriptionStatus.Paused) return;
        Status = SubscriptionStatus.Paused;
        PausedAt = now;
    }

    public void Resume()
    {
        Status = SubscriptionStatus.Active;
        PausedAt = null;
    }
}

public static class WebhookEventTypes
{
    public const string RequestSubmitted = NotificationKinds.RequestSubmitted;

    // Each event kind is also its webhook event type, so an integrator subscribes to what users see.
    public static readonly IReadOnlySet<string> All = new HashSet<string>
    {
        RequestSubmitted, NotificationKinds.RequestStatusChanged, NotificationKinds.SatisfactionRecorded, NotificationKinds.CommentAdded,
        NotificationKinds.SlaAtRisk,
        NotificationKinds.SlaBreached, NotificationKinds.WorkItemQueued, NotificationKinds.WorkItemClaimed, NotificationKinds.WorkItemStarted,
        NotificationKinds.WorkItemCompleted, NotificationKinds.WorkItemRejected, NotificationKinds.WorkItemHandedOver,
        NotificationKinds.AccountTeamChanged,
    };
}
