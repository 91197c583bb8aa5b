using ClientRequests.Contracts.Departments;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Sla;

namespace ClientRequests.Requests.Consumers;

public sealed class WorkItemRejectedConsumer(RequestsDbContext db, RequestClocks clocks, TimeProvider clock, ILogger<WorkItemRejectedConsumer> logger)
    : ProgressConsumer<WorkItemRejected>(db, clocks, clock, logger)
{
    protected override string InboxName => "WorkItemRejectedConsumer";

    protected override (Guid, WorkItemProgress) Read(WorkItemRejected m) =>
        (m.RequestId, new(m.WorkItemId, m.DepartmentCode, m.Sequence, RequestWorkItemStatus.Rejected, m.ActorId, m.RejectedAt, m.Reason));
}
