namespace ClientRequests.Messaging.Inbox;

/// <summary>A message a consumer has applied, written in the same transaction as the effect.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; init; }
    public string Consumer { get; init; } = "";
    public DateTimeOffset ProcessedAt { get; init; }
}
