namespace ClientRequests.Contracts.Departments;

/// <summary>
/// The work item is in the department's queue. <see cref="Sequence"/> orders the progress events
/// of one work item, because the broker does not preserve their order.
/// </summary>
public record WorkItemQueued
{
    public required Guid WorkItemId { get; init; }
    public required Guid RequestId { get; init; }
    public required string DepartmentCode { get; init; }
    public required int Sequence { get; init; }
    public required DateTimeOffset QueuedAt { get; init; }
}
