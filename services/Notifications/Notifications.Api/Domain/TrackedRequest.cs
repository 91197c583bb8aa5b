namespace ClientRequests.Notifications.Domain;

/// <summary>What this service remembers of a request from RequestSubmitted, so later events can name it and find its client.</summary>
public sealed class TrackedRequest
{
    public Guid RequestId { get; init; }
    public Guid ClientId { get; init; }
    public required string ClientName { get; init; }
    public required string Title { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
}
