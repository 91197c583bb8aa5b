namespace ClientRequests.Contracts.Departments;

/// <summary>
/// The department passed the work to another department; the new department's work item is NewWorkItemId. <see cref="Sequence"/> orders the progress events
/// of one work item, because the broker does not preserve their order.
/// </summary>
public record WorkItemHandedOver
{
    public required Guid WorkItemId { get; init; }
    public required Guid RequestId { get; init; }
    public required string DepartmentCode { get; init; }
    public required int Sequence { get; init; }
    public required string ActorId { get; init; }
    public required string ToDepartmentCode { get; init; }
    public required Guid NewWorkItemId { get; init; }
    public required DateTimeOffset HandedOverAt { get; init; }
}
