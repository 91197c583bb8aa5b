namespace ClientRequests.Notifications.Domain;

public enum SubscriptionStatus
{
    Active,
    /// <summary>The receiver failed too often; nothing is sent until a delivery is replayed.</summary>
    Paused,
}
