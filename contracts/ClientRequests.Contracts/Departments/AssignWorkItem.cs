namespace ClientRequests.Contracts.Departments;

/// <summary>
/// Sent to the durable queue <c>department-{code}</c>: the department must act on this part of a request.
/// Managed departments are consumed by the departments service; external ones by the department's own system.
/// </summary>
public record AssignWorkItem
{
    public required Guid WorkItemId { get; init; }
    public required Guid RequestId { get; init; }
    public required Guid ClientId { get; init; }
    public required string DepartmentCode { get; init; }
    public required string Type { get; init; }
    public required string Priority { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public required DateTimeOffset AssignedAt { get; init; }
}
