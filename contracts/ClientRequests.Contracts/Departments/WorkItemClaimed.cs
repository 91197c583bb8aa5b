namespace ClientRequests.Contracts.Departments;

/// <summary>
/// An agent holds the work item (claimed it, was assigned it, or a lead reassigned it to them). <see cref="Sequence"/> orders
/// the progress events of one work item, because the broker does not preserve their order.
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
