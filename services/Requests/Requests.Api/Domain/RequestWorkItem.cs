using ClientRequests.Requests.Domain.Sla;

namespace ClientRequests.Requests.Domain;

/// <summary>One department's part of the request, as this service tracks it from the department's progress events.</summary>
public sealed class RequestWorkItem
{
    public required Guid Id { get; init; }
    public required Guid RequestId { get; init; }
    public required string DepartmentCode { get; init; }
    public required string DepartmentName { get; set; }
    /// <summary>The reopening round the item belongs to: only the current round's items make up the roll-up.</summary>
    public int Round { get; init; } = 1;
    /// <summary>The item that handed its work over to this one, if any.</summary>
    public Guid? HandedOverFrom { get; set; }
    public RequestWorkItemStatus Status { get; private set; } = RequestWorkItemStatus.Assigned;
    /// <summary>The highest progress-event sequence applied: an older event arriving late changes nothing.</summary>
    public int LastSequence { get; private set; }
    public required DateTimeOffset AssignedAt { get; init; }
    public DateTimeOffset? QueuedAt { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? Outcome { get; private set; }
    /// <summary>The OLA verdict for this department's part, kept on the row for the department's lists.</summary>
    public bool AtRisk { get; set; }
    public bool Breached { get; set; }
    /// <summary>The department's OLA clock as last evaluated.</summary>
    public SlaSnapshot Ola { get; set; } = new();
    /// <summary>How many times this item's clock was sent to its department (in the assignment, then each change), so it keeps the newest.</summary>
    public int ClockRevision { get; set; }

    public static bool IsClosed(RequestWorkItemStatus status) =>
        status is RequestWorkItemStatus.Completed or RequestWorkItemStatus.Rejected or RequestWorkItemStatus.HandedOver or RequestWorkItemStatus.Withdrawn;

    /// <summary>Work that has not started may be withdrawn: nobody has begun it (a claim only says who will).</summary>
    public bool MayBeWithdrawn => Status is RequestWorkItemStatus.Assigned or RequestWorkItemStatus.Queued or RequestWorkItemStatus.Claimed;

    public void Withdraw(string actorId, DateTimeOffset at)
    {
        Status = RequestWorkItemStatus.Withdrawn;
        ClosedAt = at;
        Outcome = $"Withdrawn by {actorId}.";
    }

    /// <summary>Applies a progress event in any arrival order: only a newer sequence moves the status.</summary>
    public bool Apply(int sequence, RequestWorkItemStatus status, DateTimeOffset at, string? outcome = null)
    {
        if (status == RequestWorkItemStatus.Queued) QueuedAt ??= at;
        // A withdrawn part stays withdrawn: a department's late step is on the timeline but moves nothing.
        if (sequence <= LastSequence || Status == RequestWorkItemStatus.Withdrawn) return false;
        LastSequence = sequence;
        Status = status;
        if (IsClosed(status))
        {
            ClosedAt = at;
            Outcome = outcome;
        }
        return true;
    }
}
