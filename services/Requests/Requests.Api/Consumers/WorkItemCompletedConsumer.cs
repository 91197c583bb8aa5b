using ClientRequests.Contracts.Departments;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Sla;

namespace ClientRequests.Requests.Consumers;

public sealed class WorkItemCompletedConsumer(RequestsDbContext db, RequestClocks clocks, TimeProvider clock, ILogger<WorkItemCompletedConsumer> logger)
    : ProgressConsumer<WorkItemCompleted>(db, clocks, clock, logger)
{
    protected override string InboxName => "WorkItemCompletedConsumer";

    protected override (Guid, WorkItemProgress) Read(WorkItemCompleted m) =>
        (m.RequestId, new(m.WorkItemId, m.DepartmentCode, m.Sequence, RequestWorkItemStatus.Completed, m.ActorId, m.CompletedAt, m.ResolutionNote));
}
