namespace ClientRequests.Requests.Domain.Sla;

/// <summary>
/// The SLA and OLA clocks as a pure function of the timeline, the policy, the calendars and an instant. Entries are
/// taken in the order they happened, not the order they arrived, so a late event or a changed policy recomputes to
/// the same answer as if it had been known all along.
/// </summary>
public static class SlaEngine
{
    public static SlaReport Evaluate(IEnumerable<TimelineEntry> timeline, SlaPolicy policy, BusinessCalendar calendar,
        IReadOnlyDictionary<string, DepartmentTarget> departments, DateTimeOffset now)
    {
        var entries = timeline.Where(e => e.At <= now).OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
        var start = entries.FirstOrDefault(e => e.Kind == TimelineKinds.Submitted)?.At ?? entries.FirstOrDefault()?.At ?? now;
        var phases = Phases(entries, start, now);
        var status = phases.Count > 0 ? phases[^1].Status : RequestStatus.Submitted;
        var closed = Lifecycle.IsClosed(status);
        var waiting = status == RequestStatus.WaitingOnClient;

        // The request's clocks run while it is open and not waiting on its client.
        var running = phases.Where(p => !Lifecycle.IsClosed(p.Status) && p.Status != RequestStatus.WaitingOnClient).Select(p => (p.From, p.To)).ToList();
        // A work item's clock stops only for the client; it has its own end.
        var notWaiting = phases.Where(p => p.Status != RequestStatus.WaitingOnClient).Select(p => (p.From, p.To)).ToList();

        SlaClock? firstResponse = null;
        if (policy.FirstResponse is { } firstTarget)
        {
            var respondedAt = entries.FirstOrDefault(IsResponse)?.At;
            var elapsed = Measure(calendar, running, start, respondedAt ?? now);
            firstResponse = SlaClock.Of("first-response", elapsed, firstTarget, respondedAt is not null || closed, waiting && respondedAt is null, policy.AtRiskFraction);
        }
        var resolution = SlaClock.Of("resolution", Measure(calendar, running, start, now), policy.Resolution, closed, waiting, policy.AtRiskFraction);

        var items = new Dictionary<Guid, SlaClock>();
        foreach (var assigned in entries.Where(e => e is { Kind: TimelineKinds.WorkItemAssigned, WorkItemId: not null, DepartmentCode: not null }))
        {
            if (!departments.TryGetValue(assigned.DepartmentCode!, out var target) || items.ContainsKey(assigned.WorkItemId!.Value)) continue;
            var endedAt = entries.FirstOrDefault(e => e.WorkItemId == assigned.WorkItemId && IsWorkItemEnd(e))?.At;
            var elapsed = Measure(target.Calendar, notWaiting, assigned.At, endedAt ?? now);
            items[assigned.WorkItemId.Value] = SlaClock.Of($"ola:{assigned.DepartmentCode}", elapsed, target.Resolution, endedAt is not null,
                waiting && endedAt is null, policy.AtRiskFraction);
        }
        return new SlaReport(firstResponse, resolution, items);
    }

    /// <summary>The request's status over time: Submitted from the start, then each status change until the next.</summary>
    static List<(RequestStatus Status, DateTimeOffset From, DateTimeOffset To)> Phases(List<TimelineEntry> entries, DateTimeOffset start, DateTimeOffset now)
    {
        var phases = new List<(RequestStatus, DateTimeOffset, DateTimeOffset)>();
        var status = RequestStatus.Submitted;
        var from = start;
        foreach (var change in entries.Where(e => e is { Kind: TimelineKinds.StatusChanged, Status: not null } && e.At >= start))
        {
            phases.Add((status, from, change.At));
            (status, from) = (change.Status!.Value, change.At);
        }
        phases.Add((status, from, now));
        return phases;
    }

    /// <summary>Business time inside both the intervals and [from, to).</summary>
    static TimeSpan Measure(BusinessCalendar calendar, IEnumerable<(DateTimeOffset From, DateTimeOffset To)> intervals, DateTimeOffset from, DateTimeOffset to)
    {
        var total = TimeSpan.Zero;
        foreach (var (a, b) in intervals)
        {
            var s = a > from ? a : from;
            var e = b < to ? b : to;
            if (e > s) total += calendar.BusinessTime(s, e);
        }
        return total;
    }

    /// <summary>The client has had a first response when a department claims the work or the team writes to the client.</summary>
    static bool IsResponse(TimelineEntry e) =>
        e.Kind == TimelineKinds.WorkItemClaimed || e is { Kind: TimelineKinds.Comment, Visibility: Visibility.Client };

    static bool IsWorkItemEnd(TimelineEntry e) =>
        e.Kind is TimelineKinds.WorkItemCompleted or TimelineKinds.WorkItemRejected or TimelineKinds.WorkItemHandedOver;
}
