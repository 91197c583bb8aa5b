namespace ClientRequests.Notifications.Domain;

public enum EmailDelivery
{
    Immediate,
    /// <summary>Collected into one e-mail a day, sent at the configured local hour.</summary>
    Digest,
}
