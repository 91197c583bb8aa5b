namespace ClientRequests.Departments.Domain;

public enum WorkItemStatus { Queued, Claimed, InProgress, Completed, Rejected, HandedOver }

/// <summary>One department's part of a client request.</summary>
public sealed class WorkItem
{
    public required Guid Id { get; init; }
    public required Guid RequestId { get; init; }
    public required Guid ClientId { get; init; }
    public required string DepartmentCode { get; init; }
    public required string Type { get; init; }
    public required string Priority { get; init; }
    public required string Title { get; init; }
    public required string Description { get; init; }
    public WorkItemStatus Status { get; set; } = WorkItemStatus.Queued;
    public string? ClaimedBy { get; set; }
    public required DateTimeOffset AssignedAt { get; init; }
    public required DateTimeOffset QueuedAt { get; init; }
    /// <summary>Counts this item's progress events, so receivers can order them.</summary>
    public int Sequence { get; set; }
    /// <summary>Optimistic concurrency: two agents acting on one item at once cannot both win.</summary>
    public int Version { get; set; }
}
