namespace ClientRequests.Contracts.Departments;

/// <summary>
/// The account team took the department off the request before its work started: the department's item leaves its
/// queue. A department whose work has started by the time this arrives keeps it and finishes or rejects it.
/// </summary>
public record WorkItemWithdrawn
{
    public required Guid WorkItemId { get; init; }
    public required Guid RequestId { get; init; }
    public required string DepartmentCode { get; init; }
    public required string ActorId { get; init; }
    public required DateTimeOffset WithdrawnAt { get; init; }
}
