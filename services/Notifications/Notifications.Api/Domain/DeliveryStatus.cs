namespace ClientRequests.Notifications.Domain;

public enum DeliveryStatus
{
    Pending,
    Delivered,
    /// <summary>Gave up after too many failures; waits for a replay.</summary>
    Parked,
}
