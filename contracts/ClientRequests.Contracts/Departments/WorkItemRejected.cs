namespace ClientRequests.Contracts.Departments;

/// <summary>
/// The department will not act on this part of the request; <see cref="Reason"/> says why.
/// <see cref="Sequence"/> orders the progress events of one work item.
/// </summary>
public record WorkItemRejected
{
    public required Guid WorkItemId { get; init; }
    public required Guid RequestId { get; init; }
    public required string DepartmentCode { get; init; }
    public required int Sequence { get; init; }
    public required string ActorId { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset RejectedAt { get; init; }
}
