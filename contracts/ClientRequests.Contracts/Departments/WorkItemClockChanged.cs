namespace ClientRequests.Contracts.Departments;

/// <summary>
/// The requests service recomputed a work item's OLA clock: the request waits on (or is back from) its client, its priority
/// changed, or the item came from a hand-over. Receivers keep the instants with the highest <see cref="ClockRevision"/>,
/// because the broker does not preserve order. While <see cref="Paused"/> the clock does not run; DueAt and AtRiskAt are
/// then null unless already reached.
/// </summary>
public record WorkItemClockChanged
{
    public required Guid WorkItemId { get; init; }
    public required Guid RequestId { get; init; }
    public required string DepartmentCode { get; init; }
    public required int ClockRevision { get; init; }
    public required DateTimeOffset? DueAt { get; init; }
    public required DateTimeOffset? AtRiskAt { get; init; }
    public required bool Paused { get; init; }
    public required DateTimeOffset ChangedAt { get; init; }
}
