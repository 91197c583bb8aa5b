namespace ClientRequests.Contracts.Requests;

/// <summary>
/// A clock went past its target. Clock is "first-response", "resolution"
/// or "ola:{department}" (then WorkItemId and DepartmentCode are set). EscalateTo names who must act:
/// the account manager's user id for the request's clocks, "department-lead:{code}" for a department's.
/// </summary>
public record SlaBreached
{
    public required Guid RequestId { get; init; }
    public required Guid ClientId { get; init; }
    public required Guid? WorkItemId { get; init; }
    public required string? DepartmentCode { get; init; }
    public required string Clock { get; init; }
    public required TimeSpan Elapsed { get; init; }
    public required TimeSpan Target { get; init; }
    public required string EscalateTo { get; init; }
    public required DateTimeOffset DetectedAt { get; init; }
}
