namespace ClientRequests.Contracts.Departments;

/// <summary>
/// The agent holding the work item started working on it. <see cref="Sequence"/> orders the progress events of one work item.
/// </summary>
public record WorkItemStarted
{
    public required Guid WorkItemId { get; init; }
    public required Guid RequestId { get; init; }
    public required string DepartmentCode { get; init; }
    public required int Sequence { get; init; }
    public required string ActorId { get; init; }
    public required DateTimeOffset StartedAt { get; init; }
}
