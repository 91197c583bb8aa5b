namespace ClientRequests.Contracts.Departments;

/// <summary>
/// A department member claimed the work item (ActorId is the member). <see cref="Sequence"/> orders the progress events
/// of one work item, because the broker does not preserve their order.
/// </summary>
public record WorkItemClaimed
{
    public required Guid WorkItemId { get; init; }
    public required Guid RequestId { get; init; }
    public required string DepartmentCode { get; init; }
    public required int Sequence { get; init; }
    public required string ActorId { get; init; }
    public required DateTimeOffset ClaimedAt { get; init; }
}
