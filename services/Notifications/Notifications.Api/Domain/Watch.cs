namespace ClientRequests.Notifications.Domain;

/// <summary>A user who asked to hear of every update to a request.</summary>
public sealed class Watch
{
    public required string UserId { get; init; }
    public Guid RequestId { get; init; }
    public WatchBasis Basis { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
