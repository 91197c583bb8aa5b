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
    /// <summary>
    /// The department's OLA as the requests service computes it (the only place clocks are computed): when its target runs
    /// out and when the item becomes at risk. Later changes come as <see cref="WorkItemClockChanged"/> with a higher revision.
    /// </summary>
    public required DateTimeOffset DueAt { get; init; }
    public required DateTimeOffset AtRiskAt { get; init; }
    /// <summary>1 from the requests service; 0 when the departments side assigns a hand-over's new item before its clock is known.</summary>
    public required int ClockRevision { get; init; }
}
