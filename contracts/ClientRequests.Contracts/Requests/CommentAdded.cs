namespace ClientRequests.Contracts.Requests;

/// <summary>Someone wrote on a request's timeline. Visibility is "internal" or "client" (the client sees it too).</summary>
public record CommentAdded
{
    public required Guid RequestId { get; init; }
    public required Guid ClientId { get; init; }
    public required Guid EntryId { get; init; }
    public required string AuthorId { get; init; }
    public required string Text { get; init; }
    public required string Visibility { get; init; }
    public required DateTimeOffset At { get; init; }
}
