using ClientRequests.Contracts.Departments;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Sla;

namespace ClientRequests.Requests.Consumers;

public sealed class WorkItemQueuedConsumer(RequestsDbContext db, RequestClocks clocks, TimeProvider clock, ILogger<WorkItemQueuedConsumer> logger)
    : ProgressConsumer<WorkItemQueued>(db, clocks, clock, logger)
{
    protected override string InboxName => "WorkItemQueuedConsumer";

    protected override (Guid, WorkItemProgress) Read(WorkItemQueued m) =>
        (m.RequestId, new(m.WorkItemId, m.DepartmentCode, m.Sequence, RequestWorkItemStatus.Queued, DepartmentActor(m.DepartmentCode), m.QueuedAt));
}

public sealed class WorkItemClaimedConsumer(RequestsDbContext db, RequestClocks clocks, TimeProvider clock, ILogger<WorkItemClaimedConsumer> logger)
    : ProgressConsumer<WorkItemClaimed>(db, clocks, clock, logger)
{
    protected override string InboxName => "WorkItemClaimedConsumer";

    protected override (Guid, WorkItemProgress) Read(WorkItemClaimed m) =>
        (m.RequestId, new(m.WorkItemId, m.DepartmentCode, m.Sequence, RequestWorkItemStatus.Claimed, m.ActorId, m.ClaimedAt));
}

public sealed class WorkItemStartedConsumer(RequestsDbContext db, RequestClocks clocks, TimeProvider clock, ILogger<WorkItemStartedConsumer> logger)
    : ProgressConsumer<WorkItemStarted>(db, clocks, clock, logger)
{
    protected override string InboxName => "WorkItemStartedConsumer";

    protected override (Guid, WorkItemProgress) Read(WorkItemStarted m) =>
        (m.RequestId, new(m.WorkItemId, m.DepartmentCode, m.Sequence, RequestWorkItemStatus.InProgress, m.ActorId, m.StartedAt));
}

public sealed class WorkItemCompletedConsumer(RequestsDbContext db, RequestClocks clocks, TimeProvider clock, ILogger<WorkItemCompletedConsumer> logger)
    : ProgressConsumer<WorkItemCompleted>(db, clocks, clock, logger)
{
    protected override string InboxName => "WorkItemCompletedConsumer";

    protected override (Guid, WorkItemProgress) Read(WorkItemCompleted m) =>
        (m.RequestId, new(m.WorkItemId, m.DepartmentCode, m.Sequence, RequestWorkItemStatus.Completed, m.ActorId, m.CompletedAt, m.ResolutionNote));
}

public sealed class WorkItemRejectedConsumer(RequestsDbContext db, RequestClocks clocks, TimeProvider clock, ILogger<WorkItemRejectedConsumer> logger)
    : ProgressConsumer<WorkItemRejected>(db, clocks, clock, logger)
{
    protected override string InboxName => "WorkItemRejectedConsumer";

    protected override (Guid, WorkItemProgress) Read(WorkItemRejected m) =>
        (m.RequestId, new(m.WorkItemId, m.DepartmentCode, m.Sequence, RequestWorkItemStatus.Rejected, m.ActorId, m.RejectedAt, m.Reason));
}

public sealed class WorkItemHandedOverConsumer(RequestsDbContext db, RequestClocks clocks, TimeProvider clock, ILogger<WorkItemHandedOverConsumer> logger)
    : ProgressConsumer<WorkItemHandedOver>(db, clocks, clock, logger)
{
    protected override string InboxName => "WorkItemHandedOverConsumer";

    protected override (Guid, WorkItemProgress) Read(WorkItemHandedOver m) =>
        (m.RequestId, new(m.WorkItemId, m.DepartmentCode, m.Sequence, RequestWorkItemStatus.HandedOver, m.ActorId, m.HandedOverAt,
            $"Handed over to {m.ToDepartmentCode}.", m.ToDepartmentCode, m.NewWorkItemId));
}
