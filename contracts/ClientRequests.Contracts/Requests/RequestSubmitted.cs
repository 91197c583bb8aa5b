namespace ClientRequests.Contracts.Requests;

/// <summary>A client request was accepted and fanned out to the departments listed.</summary>
public record RequestSubmitted
{
    public required Guid RequestId { get; init; }
    public required Guid ClientId { get; init; }
    public required string ClientName { get; init; }
    public required string AccountManagerId { get; init; }
    public required IReadOnlyList<string> AccountExecutiveIds { get; init; }
    public required string OpenedBy { get; init; }
    public required string Type { get; init; }
    public required string Priority { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<string> DepartmentCodes { get; init; }
    public required DateTimeOffset SubmittedAt { get; init; }
}
