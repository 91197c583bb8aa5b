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
