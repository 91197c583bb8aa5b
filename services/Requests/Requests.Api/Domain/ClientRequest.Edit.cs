namespace ClientRequests.Requests.Domain;

public sealed partial class ClientRequest
{
    public bool IsOpen => !Lifecycle.IsClosed(Status);

    /// <summary>
    /// Changes the fields of an open request, one "edited" timeline entry per field that really changed (actor, before, after).
    /// A closed or cancelled request is refused, naming its state. The clocks follow from the new priority when re-evaluated.
    /// </summary>
    public TransitionRefused? Edit(RequestChanges changes, string actorId, DateTimeOffset at)
    {
        if (!IsOpen) return new(Status, "edited");
        var changed = 0;
        void Change(string field, string? before, string? after)
        {
            if (before == after) return;
            Record(TimelineKinds.Edited, actorId, at, field, before: before, after: after);
            changed++;
        }
        if (changes.Priority is { } priority) { Change("priority", Priority.ToString(), priority.ToString()); Priority = priority; }
        if (changes.Title is { } title) { Change("title", Title, title); Title = title; }
        if (changes.Description is { } description) { Change("description", Description, description); Description = description; }
        if (changes.WantedBy is not null || changes.ClearWantedBy)
        {
            var wanted = changes.ClearWantedBy ? null : changes.WantedBy;
            Change("wantedBy", WantedBy?.ToString("O"), wanted?.ToString("O"));
            WantedBy = wanted;
        }
        if (changes.Tags is { } tags)
        {
            Change("tags", string.Join(", ", Tags), string.Join(", ", tags));
            Tags = [.. tags];
        }
        if (changed > 0) Version++;
        return null;
    }

    /// <summary>A new department's part in the current round, assigned like the others; null when it already has an open part.</summary>
    public RequestWorkItem? AddDepartment(string code, string name, string actorId, DateTimeOffset at)
    {
        if (CurrentWorkItems().Any(w => !RequestWorkItem.IsClosed(w.Status) && string.Equals(w.DepartmentCode, code, StringComparison.OrdinalIgnoreCase)))
            return null;
        var item = new RequestWorkItem
        {
            Id = Guid.CreateVersion7(at), RequestId = Id, DepartmentCode = code, DepartmentName = name, Round = Round, AssignedAt = at,
        };
        WorkItems.Add(item);
        Record(TimelineKinds.WorkItemAssigned, actorId, at, $"Added by {actorId}.", item);
        Version++;
        return item;
    }

    /// <summary>Takes a department off the request before its work started; at least one department keeps a part.</summary>
    public (WithdrawalRefused? Refused, RequestWorkItem? Item) WithdrawDepartment(string code, string actorId, DateTimeOffset at)
    {
        var item = CurrentWorkItems().FirstOrDefault(w => !RequestWorkItem.IsClosed(w.Status) && string.Equals(w.DepartmentCode, code, StringComparison.OrdinalIgnoreCase))
            ?? CurrentWorkItems().FirstOrDefault(w => string.Equals(w.DepartmentCode, code, StringComparison.OrdinalIgnoreCase));
        if (item is null) return (new(code, null, $"The request has no part for department '{code}' in its current round."), null);
        if (!item.MayBeWithdrawn)
            return (new(code, item.Status, $"The work item of '{code}' is {item.Status}: only work that has not started can be withdrawn."), null);
        if (CurrentWorkItems().Count() == 1)
            return (new(code, item.Status, $"'{code}' is the request's only department: cancel the request instead."), null);
        item.Withdraw(actorId, at);
        Record(TimelineKinds.WorkItemWithdrawn, actorId, at, $"Withdrawn by {actorId}.", item);
        Version++;
        return (null, item);
    }
}
