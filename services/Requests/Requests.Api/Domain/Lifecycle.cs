namespace ClientRequests.Requests.Domain;

/// <summary>
/// The request's lifecycle as a table: every move a request may make, whether asked for by a person
/// (cancel, wait on the client, resume, reopen) or made by the roll-up of its work items.
/// </summary>
public static class Lifecycle
{
    static readonly Dictionary<RequestStatus, RequestStatus[]> Allowed = new()
    {
        // Work items report in any order, so a request may reach any roll-up state straight from Submitted.
        [RequestStatus.Submitted] = [RequestStatus.Routed, RequestStatus.InProgress, RequestStatus.WaitingOnClient, RequestStatus.Fulfilled, RequestStatus.Rejected, RequestStatus.Cancelled],
        [RequestStatus.Routed] = [RequestStatus.InProgress, RequestStatus.WaitingOnClient, RequestStatus.Fulfilled, RequestStatus.Rejected, RequestStatus.Cancelled],
        [RequestStatus.InProgress] = [RequestStatus.WaitingOnClient, RequestStatus.Fulfilled, RequestStatus.Rejected, RequestStatus.Cancelled],
        // Resuming returns to the state the request was paused in; the roll-up then catches up with the work items.
        [RequestStatus.WaitingOnClient] = [RequestStatus.Submitted, RequestStatus.Routed, RequestStatus.InProgress, RequestStatus.Reopened, RequestStatus.Cancelled],
        [RequestStatus.Reopened] = [RequestStatus.Routed, RequestStatus.InProgress, RequestStatus.WaitingOnClient, RequestStatus.Fulfilled, RequestStatus.Rejected, RequestStatus.Cancelled],
        [RequestStatus.Fulfilled] = [RequestStatus.Reopened],
        [RequestStatus.Rejected] = [RequestStatus.Reopened],
        [RequestStatus.Cancelled] = [],
    };

    public static bool CanMove(RequestStatus from, RequestStatus to) => Allowed[from].Contains(to);

    /// <summary>Fulfilled, rejected and cancelled requests are closed: their clocks stop.</summary>
    public static bool IsClosed(RequestStatus status) => status is RequestStatus.Fulfilled or RequestStatus.Rejected or RequestStatus.Cancelled;

    /// <summary>What the work items say the request's status is; null while there are none.</summary>
    public static RequestStatus? RollUpTarget(IReadOnlyCollection<RequestWorkItemStatus> items)
    {
        if (items.Count == 0) return null;
        if (items.All(RequestWorkItem.IsClosed))
            return items.Any(s => s == RequestWorkItemStatus.Completed) ? RequestStatus.Fulfilled : RequestStatus.Rejected;
        if (items.Any(s => s is RequestWorkItemStatus.Claimed or RequestWorkItemStatus.InProgress or RequestWorkItemStatus.Completed))
            return RequestStatus.InProgress;
        if (items.All(s => s != RequestWorkItemStatus.Assigned)) return RequestStatus.Routed;
        return RequestStatus.Submitted;
    }
}
