using ClientRequests.Contracts.Departments;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Sla;

namespace ClientRequests.Requests.Consumers;

public sealed class WorkItemStartedConsumer(RequestsDbContext db, RequestClocks clocks, TimeProvider clock, ILogger<WorkItemStartedConsumer> logger)
    : ProgressConsumer<WorkItemStarted>(db, clocks, clock, logger)
{
    protected override string InboxName => "WorkItemStartedConsumer";

    protected override (Guid, WorkItemProgress) Read(WorkItemStarted m) =>
        (m.RequestId, new(m.WorkItemId, m.DepartmentCode, m.Sequence, RequestWorkItemStatus.InProgress, m.ActorId, m.StartedAt));
}
