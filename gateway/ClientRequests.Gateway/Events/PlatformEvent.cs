namespace ClientRequests.Gateway.Events;

/// <summary>What changed, as subscriptions need it: the platform's events reduced to one shape.</summary>
/// <param name="Kind">One of <see cref="EventKinds"/>.</param>
/// <param name="WorkItemStatus">For work item events: the status the work item is in afterwards, named as the requests service names it.</param>
/// <param name="Sequence">For work item events: the per-work-item order the departments service gives its progress events.</param>
/// <param name="ClientId">For <see cref="EventKinds.AccountTeamChanged"/>: the client whose team changed (RequestId is empty).</param>
public sealed record PlatformEvent(string Kind, Guid RequestId, DateTimeOffset At, string? DepartmentCode = null, Guid? WorkItemId = null,
    string? WorkItemStatus = null, int? Sequence = null, string? ActorId = null, string? RequestStatus = null, string? ToDepartmentCode = null,
    Guid? ClientId = null)
{
    public bool IsAboutWorkItem => WorkItemId is not null && WorkItemStatus is not null;
}

public static class EventKinds
{
    public const string RequestStatusChanged = "REQUEST_STATUS_CHANGED";
    public const string SatisfactionRecorded = "SATISFACTION_RECORDED";
    public const string SlaAtRisk = "SLA_AT_RISK";
    public const string SlaBreached = "SLA_BREACHED";
    public const string WorkItemQueued = "WORK_ITEM_QUEUED";
    public const string WorkItemClaimed = "WORK_ITEM_CLAIMED";
    public const string WorkItemStarted = "WORK_ITEM_STARTED";
    public const string WorkItemCompleted = "WORK_ITEM_COMPLETED";
    public const string WorkItemRejected = "WORK_ITEM_REJECTED";
    public const string WorkItemHandedOver = "WORK_ITEM_HANDED_OVER";
    /// <summary>Not a queue change (so not in <see cref="All"/>): it makes request streams check the subscriber's access again.</summary>
    public const string AccountTeamChanged = "ACCOUNT_TEAM_CHANGED";

    public static readonly IReadOnlyList<string> All =
    [
        RequestStatusChanged, SatisfactionRecorded, SlaAtRisk, SlaBreached,
        WorkItemQueued, WorkItemClaimed, WorkItemStarted, WorkItemCompleted, WorkItemRejected, WorkItemHandedOver,
    ];
}
