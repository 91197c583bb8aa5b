namespace ClientRequests.Notifications.Domain;

/// <summary>One HTTP exchange with the receiver, for the delivery log.</summary>
public sealed class WebhookAttempt
{
    public Guid Id { get; init; }
    public Guid DeliveryId { get; init; }
    public Guid SubscriptionId { get; init; }
    public DateTimeOffset At { get; init; }
    public int DurationMs { get; init; }
    public bool Succeeded { get; init; }
    public int? StatusCode { get; init; }
    public string? Error { get; init; }
    /// <summary>The start of the receiver's answer, bounded, to help integrators debug.</summary>
    public string? Response { get; init; }
}
