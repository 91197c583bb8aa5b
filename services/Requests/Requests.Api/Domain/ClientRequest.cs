namespace ClientRequests.Requests.Domain;

/// <summary>A client's request: the case the account team follows to fulfilment.</summary>
public sealed partial class ClientRequest
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
    /// <summary>The date the requester wishes the request done by: a wish, not an SLA target (those are the clocks).</summary>
    public DateTimeOffset? WantedBy { get; set; }
    public string? ExternalReference { get; init; }
    /// <summary>The routing rule that chose the departments, or "explicit".</summary>
    public required string RoutedBy { get; init; }
    public RequestStatus Status { get; private set; } = RequestStatus.Submitted;
    /// <summary>The state a request waiting on its client returns to when it resumes.</summary>
    public RequestStatus? PausedFrom { get; private set; }
    /// <summary>Starts at 1; each reopening starts a new round of work items.</summary>
    public int Round { get; private set; } = 1;
    public required DateTimeOffset SubmittedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; private set; }
    /// <summary>The SLA engine's last verdict, kept on the row so that lists can filter on it.</summary>
    public bool AtRisk { get; set; }
    public bool Breached { get; set; }
    public int? SatisfactionScore { get; private set; }
    public List<RequestWorkItem> WorkItems { get; init; } = [];
    /// <summary>Entries added in this unit of work; the full timeline is read with its own query.</summary>
    public List<TimelineEntry> Timeline { get; init; } = [];
    public int Version { get; set; }

    /// <summary>The current round's items; a withdrawn department no longer has a part in it.</summary>
    public IEnumerable<RequestWorkItem> CurrentWorkItems() => WorkItems.Where(w => w.Round == Round && w.Status != RequestWorkItemStatus.Withdrawn);

    public TimelineEntry Record(string kind, string actorId, DateTimeOffset at, string? text = null,
        RequestWorkItem? item = null, RequestStatus? status = null, Visibility visibility = Visibility.Internal, int? sequence = null,
        string? before = null, string? after = null)
    {
        var entry = new TimelineEntry
        {
            Id = Guid.CreateVersion7(at), RequestId = Id, At = at, Kind = kind, ActorId = actorId, Text = text,
            WorkItemId = item?.Id, DepartmentCode = item?.DepartmentCode, Status = status, Visibility = visibility, Sequence = sequence,
            Before = before, After = after,
        };
        Timeline.Add(entry);
        return entry;
    }

    /// <summary>Moves the status to what the current round's work items say, if the lifecycle allows it; true when it changed.</summary>
    public bool RollUp(DateTimeOffset at)
    {
        if (Status == RequestStatus.WaitingOnClient) return false;
        var target = Lifecycle.RollUpTarget(CurrentWorkItems().Select(w => w.Status).ToList());
        if (target is not { } to || to == Status || !Lifecycle.CanMove(Status, to)) return false;
        MoveTo(to, TimelineKinds.System, at);
        return true;
    }

    public TransitionRefused? Cancel(string actorId, DateTimeOffset at, string? reason)
    {
        if (!Lifecycle.CanMove(Status, RequestStatus.Cancelled)) return new(Status, "cancelled");
        MoveTo(RequestStatus.Cancelled, actorId, at, reason);
        return null;
    }

    public TransitionRefused? WaitOnClient(string actorId, DateTimeOffset at, string? reason)
    {
        if (!Lifecycle.CanMove(Status, RequestStatus.WaitingOnClient)) return new(Status, "put to wait on the client");
        PausedFrom = Status;
        MoveTo(RequestStatus.WaitingOnClient, actorId, at, reason);
        return null;
    }

    public TransitionRefused? Resume(string actorId, DateTimeOffset at)
    {
        if (Status != RequestStatus.WaitingOnClient || PausedFrom is not { } back || !Lifecycle.CanMove(Status, back))
            return new(Status, "resumed");
        PausedFrom = null;
        MoveTo(back, actorId, at);
        // The departments may have moved on while the client was silent.
        RollUp(at);
        return null;
    }

    /// <summary>
    /// Reopens a fulfilled or rejected request: a new round of work items for the departments that must redo their part
    /// (by default those that completed it, or all of them when none did). Returns the new items to assign.
    /// </summary>
    public (TransitionRefused? Refused, IReadOnlyList<RequestWorkItem> Items) Reopen(string actorId, DateTimeOffset at, string? reason,
        IReadOnlyCollection<string>? departmentCodes)
    {
        // A request waiting on its client may return to Reopened, but only a closed one can be reopened.
        if (Status is not (RequestStatus.Fulfilled or RequestStatus.Rejected)) return (new(Status, "reopened"), []);
        var previous = CurrentWorkItems().Where(w => w.Status != RequestWorkItemStatus.HandedOver).ToList();
        var completed = previous.Where(w => w.Status == RequestWorkItemStatus.Completed).ToList();
        var redo = departmentCodes is { Count: > 0 }
            ? previous.Where(w => departmentCodes.Contains(w.DepartmentCode, StringComparer.OrdinalIgnoreCase)).ToList()
            : completed.Count > 0 ? completed : previous;
        Round++;
        var items = redo.DistinctBy(w => w.DepartmentCode).Select(w => new RequestWorkItem
        {
            Id = Guid.CreateVersion7(at), RequestId = Id, DepartmentCode = w.DepartmentCode, DepartmentName = w.DepartmentName,
            Round = Round, AssignedAt = at,
        }).ToList();
        WorkItems.AddRange(items);
        ClosedAt = null;
        MoveTo(RequestStatus.Reopened, actorId, at, reason);
        foreach (var item in items) Record(TimelineKinds.WorkItemAssigned, actorId, at, item: item);
        return (null, items);
    }

    void MoveTo(RequestStatus to, string actorId, DateTimeOffset at, string? text = null)
    {
        Status = to;
        ClosedAt = Lifecycle.IsClosed(to) ? at : null;
        Version++;
        Record(TimelineKinds.StatusChanged, actorId, at, text, status: to);
    }
}
