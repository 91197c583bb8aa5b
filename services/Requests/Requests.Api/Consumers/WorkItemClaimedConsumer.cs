using ClientRequests.Contracts.Departments;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Sla;

namespace ClientRequests.Requests.Consumers;

public sealed class WorkItemClaimedConsumer(RequestsDbContext db, RequestClocks clocks, TimeProvider clock, ILogger<WorkItemClaimedConsumer> logger)
    : ProgressConsumer<WorkItemClaimed>(db, clocks, clock, logger)
{
    protected override string InboxName => "WorkItemClaimedConsumer";

    protected override (Guid, WorkItemProgress) Read(WorkItemClaimed m) =>
        (m.RequestId, new(m.WorkItemId, m.DepartmentCode, m.Sequence, RequestWorkItemStatus.Claimed, m.ActorId, m.ClaimedAt));
}
