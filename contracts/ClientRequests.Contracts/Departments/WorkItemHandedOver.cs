namespace ClientRequests.Contracts.Departments;

/// <summary>
/// The work item is closed as handed over: department <see cref="ToDepartmentCode"/> takes the work on as the new
/// work item <see cref="NewWorkItemId"/>. <see cref="Sequence"/> orders the progress events of one work item.
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
