namespace ClientRequests.Contracts.Requests;

/// <summary>The account team recorded the client's satisfaction (1 to 5) with a fulfilled request, for analytics.</summary>
public record SatisfactionRecorded
{
    public required Guid RequestId { get; init; }
    public required Guid ClientId { get; init; }
    public required string Type { get; init; }
    public required int Score { get; init; }
    public required string? Comment { get; init; }
    public required string RecordedBy { get; init; }
    public required DateTimeOffset RecordedAt { get; init; }
}
