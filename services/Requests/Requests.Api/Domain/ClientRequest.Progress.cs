namespace ClientRequests.Requests.Domain;

public sealed partial class ClientRequest
{
    /// <summary>
    /// Applies a progress event in any arrival order: it always goes on the timeline (once per sequence number,
    /// which the caller checks), it moves the work item only when it is the newest, a hand-over adds the new
    /// department's work item, and the request's status follows the roll-up.
    /// </summary>
    public void Apply(WorkItemProgress progress)
    {
        // Every applied event bumps the version, so two events for one request that race cannot both commit.
        Version++;
        var item = WorkItems.SingleOrDefault(w => w.Id == progress.WorkItemId) ?? Adopt(progress.WorkItemId, progress.DepartmentCode, progress.At);
        Record(KindOf(progress.Status), progress.ActorId, progress.At, progress.Text, item, sequence: progress.Sequence);
        item.Apply(progress.Sequence, progress.Status, progress.At, progress.Text);

        if (progress is { Status: RequestWorkItemStatus.HandedOver, NewWorkItemId: { } newId, ToDepartmentCode: { } to })
        {
            var successor = WorkItems.SingleOrDefault(w => w.Id == newId);
            if (successor is null)
            {
                successor = Adopt(newId, to, progress.At, item.Round);
                Record(TimelineKinds.WorkItemAssigned, progress.ActorId, progress.At, $"Handed over from {item.DepartmentCode}.", successor);
            }
            successor.HandedOverFrom = item.Id;
        }
        RollUp(progress.At);
    }

    /// <summary>
    /// A work item this request has not heard of: the new department's item of a hand-over whose own events
    /// overtook the hand-over event. It joins the round of the item it came from, or the current one.
    /// </summary>
    RequestWorkItem Adopt(Guid id, string departmentCode, DateTimeOffset at, int? round = null)
    {
        var item = new RequestWorkItem
        {
            Id = id, RequestId = Id, DepartmentCode = departmentCode, DepartmentName = departmentCode,
            Round = round ?? Round, AssignedAt = at,
        };
        WorkItems.Add(item);
        return item;
    }

    static string KindOf(RequestWorkItemStatus status) => status switch
    {
        RequestWorkItemStatus.Queued => TimelineKinds.WorkItemQueued,
        RequestWorkItemStatus.Claimed => TimelineKinds.WorkItemClaimed,
        RequestWorkItemStatus.InProgress => TimelineKinds.WorkItemStarted,
        RequestWorkItemStatus.Completed => TimelineKinds.WorkItemCompleted,
        RequestWorkItemStatus.Rejected => TimelineKinds.WorkItemRejected,
        RequestWorkItemStatus.HandedOver => TimelineKinds.WorkItemHandedOver,
        _ => TimelineKinds.WorkItemAssigned,
    };
}
