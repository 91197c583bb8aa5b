namespace ClientRequests.Requests.Domain;

public enum RequestStatus { Submitted, Routed, InProgress, WaitingOnClient, Fulfilled, Rejected, Cancelled, Reopened }

public enum Priority { P1, P2, P3, P4 }

/// <summary>A client's request: the case the account team follows to fulfilment.</summary>
public sealed class ClientRequest
{
    public required Guid Id { get; init; }
    public required Guid ClientId { get; init; }
    public required string ClientName { get; init; }
    public required string AccountManagerId { get; init; }
    public required string OpenedBy { get; init; }
    public required string Type { get; init; }
    public required Priority Priority { get; set; }
    public required string Title { get; set; }
    public required string Description { get; set; }
    public List<string> Tags { get; set; } = [];
    public DateTimeOffset? DueAt { get; set; }
    public string? ExternalReference { get; init; }
    /// <summary>The routing rule that chose the departments, or "explicit".</summary>
    public required string RoutedBy { get; init; }
    public RequestStatus Status { get; private set; } = RequestStatus.Submitted;
    public required DateTimeOffset SubmittedAt { get; init; }
    public List<RequestWorkItem> WorkItems { get; init; } = [];
    public int Version { get; set; }

    /// <summary>Recomputes the request's status from its work items; true when it changed.</summary>
    public bool RollUp()
    {
        var rolled = RollUpStatus(Status, WorkItems.Select(w => w.Status).ToList());
        if (rolled == Status) return false;
        Status = rolled;
        Version++;
        return true;
    }

    public static RequestStatus RollUpStatus(RequestStatus current, IReadOnlyCollection<WorkItemStatus> items)
    {
        if (current is RequestStatus.Cancelled or RequestStatus.Rejected or RequestStatus.WaitingOnClient) return current;
        if (items.Count == 0) return current;
        if (items.All(s => s is WorkItemStatus.Completed or WorkItemStatus.HandedOver or WorkItemStatus.Rejected))
            return items.Any(s => s == WorkItemStatus.Completed) ? RequestStatus.Fulfilled : RequestStatus.Rejected;
        if (items.Any(s => s is WorkItemStatus.Claimed or WorkItemStatus.InProgress or WorkItemStatus.Completed))
            return RequestStatus.InProgress;
        if (items.All(s => s != WorkItemStatus.Assigned)) return RequestStatus.Routed;
        return RequestStatus.Submitted;
    }
}

public enum WorkItemStatus { Assigned, Queued, Claimed, InProgress, Completed, Rejected, HandedOver }

/// <summary>One department's part of the request, as this service tracks it from the department's progress events.</summary>
public sealed class RequestWorkItem
{
    public required Guid Id { get; init; }
    public required Guid RequestId { get; init; }
    public required string DepartmentCode { get; init; }
    public required string DepartmentName { get; init; }
    public WorkItemStatus Status { get; private set; } = WorkItemStatus.Assigned;
    /// <summary>The highest progress-event sequence applied: an older event arriving late changes nothing.</summary>
    public int LastSequence { get; private set; }
    public required DateTimeOffset AssignedAt { get; init; }
    public DateTimeOffset? QueuedAt { get; private set; }

    /// <summary>Applies a progress event in any arrival order: only a newer sequence moves the status.</summary>
    public bool Apply(int sequence, WorkItemStatus status, DateTimeOffset at)
    {
        if (status == WorkItemStatus.Queued) QueuedAt ??= at;
        if (sequence <= LastSequence) return false;
        LastSequence = sequence;
        Status = status;
        return true;
    }
}
