using ClientRequests.Contracts.Departments;

namespace ClientRequests.Departments.Domain;

/// <summary>
/// The work item's lifecycle: Queued → Claimed → InProgress → Completed | Rejected | HandedOver, back to Queued on
/// unclaim. Each accepted step advances <see cref="Sequence"/> and <see cref="Version"/> and returns its event.
/// </summary>
public sealed partial class WorkItem
{
    public const int MaxTextLength = 2000;

    public Outcome Claim(string memberId, DateTimeOffset now)
    {
        if (Status == WorkItemStatus.Queued) return Hold(memberId, now);
        return IsHeld
            ? Outcome.Refused(RefusalKind.Conflict, "status", $"The work item is already claimed by '{ClaimedBy}'.")
            : Closed();
    }

    /// <summary>A lead gives the item to a member of the department, whoever held it before.</summary>
    public Outcome Reassign(Actor lead, string memberId, DateTimeOffset now)
    {
        if (!lead.IsLead) return Outcome.Refused(RefusalKind.Forbidden, "role", "Only the department's lead may reassign its work items.");
        if (!IsOpen) return Closed();
        if (IsHeld && ClaimedBy == memberId)
            return Outcome.Refused(RefusalKind.Conflict, "claimedBy", $"The work item is already held by '{memberId}'.");
        return Hold(memberId, now);
    }

    /// <summary>The holder (or a lead) puts the item back in the queue; it is announced as queued again.</summary>
    public Outcome Unclaim(Actor actor, DateTimeOffset now)
    {
        if (MustHold(actor) is { } refused) return refused;
        Status = WorkItemStatus.Queued;
        ClaimedBy = null;
        ClaimedAt = null;
        StartedAt = null;
        Advance();
        return new(new WorkItemQueued { WorkItemId = Id, RequestId = RequestId, DepartmentCode = DepartmentCode, Sequence = Sequence, QueuedAt = now }, null);
    }

    public Outcome Start(Actor actor, DateTimeOffset now)
    {
        if (MustHold(actor, holderOnly: true) is { } refused) return refused;
        if (Status == WorkItemStatus.InProgress)
            return Outcome.Refused(RefusalKind.Conflict, "status", "The work item is already in progress.");
        Status = WorkItemStatus.InProgress;
        StartedAt = now;
        Advance();
        return new(new WorkItemStarted
        {
            WorkItemId = Id, RequestId = RequestId, DepartmentCode = DepartmentCode, Sequence = Sequence, ActorId = actor.UserId, StartedAt = now,
        }, null);
    }

    public Outcome Complete(Actor actor, string? resolutionNote, DateTimeOffset now)
    {
        if (Text(resolutionNote, "resolutionNote") is { } invalid) return invalid;
        if (MustHold(actor, holderOnly: true) is { } refused) return refused;
        Close(WorkItemStatus.Completed, now);
        ResolutionNote = resolutionNote;
        return new(new WorkItemCompleted
        {
            WorkItemId = Id, RequestId = RequestId, DepartmentCode = DepartmentCode, Sequence = Sequence, ActorId = actor.UserId,
            ResolutionNote = resolutionNote!, CompletedAt = now,
        }, null);
    }

    public Outcome Reject(Actor actor, string? reason, DateTimeOffset now)
    {
        if (Text(reason, "reason") is { } invalid) return invalid;
        if (MustHold(actor) is { } refused) return refused;
        Close(WorkItemStatus.Rejected, now);
        RejectionReason = reason;
        return new(new WorkItemRejected
        {
            WorkItemId = Id, RequestId = RequestId, DepartmentCode = DepartmentCode, Sequence = Sequence, ActorId = actor.UserId,
            Reason = reason!, RejectedAt = now,
        }, null);
    }

    /// <summary>
    /// Closes this item as handed over; <paramref name="newWorkItemId"/> is the item the target department opens.
    /// <paramref name="targetExists"/> is asked only for a code that is not this department's own.
    /// </summary>
    public Outcome HandOver(Actor actor, string? toDepartmentCode, Func<string, bool> targetExists, Guid newWorkItemId, DateTimeOffset now)
    {
        const string field = "toDepartmentCode";
        if (string.IsNullOrWhiteSpace(toDepartmentCode)) return Outcome.Refused(RefusalKind.Invalid, field, $"'{field}' is required.");
        if (string.Equals(toDepartmentCode, DepartmentCode, StringComparison.OrdinalIgnoreCase))
            return Outcome.Refused(RefusalKind.Invalid, field, $"The work item is already in department '{DepartmentCode}'; hand it over to another one.");
        if (!targetExists(toDepartmentCode))
            return Outcome.Refused(RefusalKind.Invalid, field, $"There is no department '{toDepartmentCode}'.");
        if (MustHold(actor) is { } refused) return refused;
        Close(WorkItemStatus.HandedOver, now);
        HandedOverTo = toDepartmentCode;
        HandedOverAs = newWorkItemId;
        return new(new WorkItemHandedOver
        {
            WorkItemId = Id, RequestId = RequestId, DepartmentCode = DepartmentCode, Sequence = Sequence, ActorId = actor.UserId,
            ToDepartmentCode = toDepartmentCode, NewWorkItemId = newWorkItemId, HandedOverAt = now,
        }, null);
    }

    /// <summary>
    /// What the target department receives for a hand-over: the same request, a new work item. Its clock is the requests
    /// service's to compute: until its WorkItemClockChanged arrives (revision 1), the item keeps the instants of the one it
    /// came from (revision 0), so it does not sort as if it had no deadline.
    /// </summary>
    public AssignWorkItem HandOverCommand(DateTimeOffset now) => new()
    {
        WorkItemId = HandedOverAs ?? throw new InvalidOperationException("The work item was not handed over."),
        RequestId = RequestId, ClientId = ClientId, DepartmentCode = HandedOverTo!, Type = Type, Priority = Priority,
        Title = Title, Description = Description, AssignedAt = now, DueAt = DueAt, AtRiskAt = AtRiskAt, ClockRevision = 0,
    };

    Outcome Hold(string memberId, DateTimeOffset now)
    {
        Status = WorkItemStatus.Claimed;
        ClaimedBy = memberId;
        ClaimedAt = now;
        StartedAt = null;
        Advance();
        return new(new WorkItemClaimed
        {
            WorkItemId = Id, RequestId = RequestId, DepartmentCode = DepartmentCode, Sequence = Sequence, ActorId = memberId, ClaimedAt = now,
        }, null);
    }

    /// <summary>The item must be held, and by the actor unless a lead may act for the holder.</summary>
    Outcome? MustHold(Actor actor, bool holderOnly = false)
    {
        if (!IsOpen) return Closed();
        if (!IsHeld) return Outcome.Refused(RefusalKind.Conflict, "status", "The work item is queued: claim it first.");
        if (ClaimedBy == actor.UserId || (actor.IsLead && !holderOnly)) return null;
        return Outcome.Refused(RefusalKind.Forbidden, "claimedBy", $"The work item is held by '{ClaimedBy}', not by you.");
    }

    Outcome Closed() => Outcome.Refused(RefusalKind.Conflict, "status", $"The work item is closed ({Status}).");

    static Outcome? Text(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? Outcome.Refused(RefusalKind.Invalid, field, $"'{field}' is required.")
        : value.Length > MaxTextLength ? Outcome.Refused(RefusalKind.Invalid, field, $"'{field}' is longer than {MaxTextLength} characters.")
        : null;

    void Close(WorkItemStatus status, DateTimeOffset now)
    {
        Status = status;
        ClosedAt = now;
        Advance();
    }

    void Advance()
    {
        Sequence++;
        Version++;
    }
}
