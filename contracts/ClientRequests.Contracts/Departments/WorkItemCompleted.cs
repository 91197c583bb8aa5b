namespace ClientRequests.Contracts.Departments;

/// <summary>
/// The department finished its part of the request; <see cref="ResolutionNote"/> says what was done.
/// <see cref="Sequence"/> orders the progress events of one work item.
/// </summary>
public record WorkItemCompleted
{
    public required Guid WorkItemId { get; init; }
    public required Guid RequestId { get; init; }
    public required string DepartmentCode { get; init; }
    public required int Sequence { get; init; }
    public required string ActorId { get; init; }
    public required string ResolutionNote { get; init; }
    public required DateTimeOffset CompletedAt { get; init; }
}
