namespace ClientRequests.Contracts.Departments;

/// <summary>
/// Work on the item has started. <see cref="Sequence"/> orders the progress events
/// of one work item, because the broker does not preserve their order.
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
