namespace ClientRequests.Departments.Domain;

/// <summary>One department's part of a client request. Its transitions are in WorkItemTransitions.cs.</summary>
public sealed partial class WorkItem
{
    public required Guid Id { get; init; }
    public required Guid RequestId { get; init; }
    public required Guid ClientId { get; init; }
    public required string DepartmentCode { get; init; }
    public required string Type { get; init; }
    public required string Priority { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    /// <summary>The request's version whose title, description and priority these are: an older edit arriving late changes nothing.</summary>
    public int RequestVersion { get; set; }
    public WorkItemStatus Status { get; set; } = WorkItemStatus.Queued;
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ResolutionNote { get; set; }
    public string? RejectionReason { get; set; }
    public string? HandedOverTo { get; set; }
    public Guid? HandedOverAs { get; set; }
    /// <summary>Skills a member needs to be offered this item by load-aware assignment.</summary>
    public List<string> RequiredSkills { get; set; } = [];
    public required DateTimeOffset AssignedAt { get; init; }
    public required DateTimeOffset QueuedAt { get; init; }
    /// <summary>When the department's OLA runs out, as the requests service computed it (sent in AssignWorkItem, then WorkItemClockChanged).</summary>
    public DateTimeOffset DueAt { get; set; }
    /// <summary>From here on the item is at risk of missing <see cref="DueAt"/>; computed by the requests service like it.</summary>
    public DateTimeOffset AtRiskAt { get; set; }
    /// <summary>The request waits on its client: the clock stands still and the item is not at risk meanwhile.</summary>
    public bool ClockPaused { get; set; }
    /// <summary>The revision of the instants above: a clock change that arrives late (a lower revision) is ignored.</summary>
    public int ClockRevision { get; set; }
    /// <summary>Counts this item's progress events, so receivers can order them.</summary>
    public int Sequence { get; set; }
    /// <summary>Optimistic concurrency: two agents acting on one item at once cannot both win.</summary>
    public int Version { get; set; }

    public bool IsOpen => Status is WorkItemStatus.Queued or WorkItemStatus.Claimed or WorkItemStatus.InProgress;

    /// <summary>The one at-risk rule here: open, the clock running, and past the at-risk instant the requests service sent.</summary>
    public bool IsAtRisk(DateTimeOffset now) => IsOpen && !ClockPaused && AtRiskAt <= now;

    public bool IsHeld => Status is WorkItemStatus.Claimed or WorkItemStatus.InProgress;
}
