using ClientRequests.Contracts.Departments;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Sla;

namespace ClientRequests.Requests.Consumers;

public sealed class WorkItemHandedOverConsumer(RequestsDbContext db, RequestClocks clocks, TimeProvider clock, ILogger<WorkItemHandedOverConsumer> logger)
    : ProgressConsumer<WorkItemHandedOver>(db, clocks, clock, logger)
{
    protected override string InboxName => "WorkItemHandedOverConsumer";

    protected override (Guid, WorkItemProgress) Read(WorkItemHandedOver m) =>
        (m.RequestId, new(m.WorkItemId, m.DepartmentCode, m.Sequence, RequestWorkItemStatus.HandedOver, m.ActorId, m.HandedOverAt,
            $"Handed over to {m.ToDepartmentCode}.", m.ToDepartmentCode, m.NewWorkItemId));
}
