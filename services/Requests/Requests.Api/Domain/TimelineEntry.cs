namespace ClientRequests.Requests.Domain;

/// <summary>Who may see a timeline entry: the account team and staff, or also the client.</summary>
public enum Visibility { Internal, Client }

/// <summary>One thing that happened to a request. The timeline is the record the SLA clocks are computed from.</summary>
public sealed class TimelineEntry
{
    public required Guid Id { get; init; }
    public required Guid RequestId { get; init; }
    public required DateTimeOffset At { get; init; }
    public required string Kind { get; init; }
    public required string ActorId { get; init; }
    public Guid? WorkItemId { get; init; }
    public string? DepartmentCode { get; init; }
    /// <summary>For a status change, the state entered; otherwise null.</summary>
    public RequestStatus? Status { get; init; }
    public string? Text { get; init; }
    /// <summary>A work-item step's sequence number: one entry per (work item, sequence), however often the event arrives.</summary>
    public int? Sequence { get; init; }
    public Visibility Visibility { get; init; } = Visibility.Internal;
    /// <summary>For an edit, the field's value before and after it (Text names the field).</summary>
    public string? Before { get; init; }
    public string? After { get; init; }
}

/// <summary>The kinds of timeline entries; strings so that clients read them and new kinds add no migration.</summary>
public static class TimelineKinds
{
    public const string Submitted = "submitted";
    public const string StatusChanged = "status-changed";
    public const string WorkItemAssigned = "work-item-assigned";
    public const string WorkItemQueued = "work-item-queued";
    public const string WorkItemClaimed = "work-item-claimed";
    public const string WorkItemStarted = "work-item-started";
    public const string WorkItemCompleted = "work-item-completed";
    public const string WorkItemRejected = "work-item-rejected";
    public const string WorkItemHandedOver = "work-item-handed-over";
    public const string Comment = "comment";
    public const string SlaAtRisk = "sla-at-risk";
    public const string SlaBreached = "sla-breached";
    public const string Satisfaction = "satisfaction";
    /// <summary>One field of an open request changed; Text names it, Before and After hold its values.</summary>
    public const string Edited = "edited";
    /// <summary>The account team took a department off a request before its work started.</summary>
    public const string WorkItemWithdrawn = "work-item-withdrawn";
    /// <summary>A new SLA policy version moved the request's clocks; Before and After hold its resolution due instant (ADR 0032).</summary>
    public const string SlaPolicyChanged = "sla-policy-changed";

    /// <summary>The system's own actor, for moves made by the roll-up rather than a person.</summary>
    public const string System = "system";
}
