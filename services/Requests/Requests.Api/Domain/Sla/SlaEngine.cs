namespace ClientRequests.Requests.Domain.Sla;

/// <summary>
/// The SLA and OLA clocks as a pure function of the timeline, the policy, the calendars and an instant. Entries are
/// taken in the order they happened, not the order they arrived, so a late event or a changed policy recomputes to
/// the same answer as if it had been known all along.
/// </summary>
public static class SlaEngine
{
    public static SlaReport Evaluate(IEnumerable<TimelineEntry> timeline, SlaPolicy policy, BusinessCalendar calendar,
        IReadOnlyDictionary<string, DepartmentTarget> departments, DateTimeOffset now) =>
        Evaluate(timeline, policy, calendar, code => departments.GetValueOrDefault(code), now);

    /// <param name="departments">A department's OLA, or null for a department without one (its work item has no clock).</param>
    public static SlaReport Evaluate(IEnumerable<TimelineEntry> timeline, SlaPolicy policy, BusinessCalendar calendar,
        Func<string, DepartmentTarget?> departments, DateTimeOffset now)
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

        // A closed request's clocks stopped when it closed; the last phase starts there.
        var closedAt = closed ? phases[^1].From : (DateTimeOffset?)null;

        SlaClock? firstResponse = null;
        if (policy.FirstResponse is { } firstTarget)
        {
            var respondedAt = entries.FirstOrDefault(IsResponse)?.At;
            firstResponse = Clock("first-response", calendar, running, start, respondedAt ?? closedAt, now, firstTarget,
                waiting && respondedAt is null, policy.AtRiskFraction);
        }
        var resolution = Clock("resolution", calendar, running, start, closedAt, now, policy.Resolution, waiting, policy.AtRiskFraction);

        var items = new Dictionary<Guid, SlaClock>();
        foreach (var assigned in entries.Where(e => e is { Kind: TimelineKinds.WorkItemAssigned, WorkItemId: not null, DepartmentCode: not null }))
        {
            if (items.ContainsKey(assigned.WorkItemId!.Value) || departments(assigned.DepartmentCode!) is not { } target) continue;
            var endedAt = entries.FirstOrDefault(e => e.WorkItemId == assigned.WorkItemId && IsWorkItemEnd(e))?.At;
            items[assigned.WorkItemId.Value] = Clock($"ola:{assigned.DepartmentCode}", target.Calendar, notWaiting, assigned.At, endedAt, now,
                target.Resolution, waiting && endedAt is null, policy.AtRiskFraction);
        }
        return new SlaReport(firstResponse, resolution, items);
    }

    /// <summary>
    /// One clock that runs inside <paramref name="intervals"/> from <paramref name="from"/> until it stops (or now). Its due and
    /// at-risk instants are where it crossed those shares of its target, or, not yet crossed, where it will cross them if it runs
    /// on from now; a stopped clock keeps the instants it had when it stopped; a paused one has none it has not reached yet.
    /// </summary>
    static SlaClock Clock(string name, BusinessCalendar calendar, List<(DateTimeOffset From, DateTimeOffset To)> intervals,
        DateTimeOffset from, DateTimeOffset? stoppedAt, DateTimeOffset now, TimeSpan target, bool paused, double atRiskFraction)
    {
        var end = stoppedAt ?? now;
        var elapsed = Measure(calendar, intervals, from, end);
        var runsOnFrom = stoppedAt is null && paused ? (DateTimeOffset?)null : end;
        return SlaClock.Of(name, elapsed, target, stoppedAt is not null, paused && stoppedAt is null, atRiskFraction) with
        {
            DueAt = WholeSecond(InstantOf(calendar, intervals, from, end, target, runsOnFrom)),
            AtRiskAt = WholeSecond(InstantOf(calendar, intervals, from, end, target * atRiskFraction, runsOnFrom)),
        };
    }

    /// <summary>
    /// Deadlines are promised to the second, in UTC: every service stores and shows the same instant, whatever precision its
    /// database keeps (SQLite keeps milliseconds).
    /// </summary>
    static DateTimeOffset? WholeSecond(DateTimeOffset? instant) => instant is { } i
        ? new DateTimeOffset(i.UtcTicks - i.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero)
        : null;

    /// <summary>The instant <paramref name="amount"/> of business time inside the intervals has been used, walking them in order.</summary>
    static DateTimeOffset? InstantOf(BusinessCalendar calendar, IEnumerable<(DateTimeOffset From, DateTimeOffset To)> intervals,
        DateTimeOffset from, DateTimeOffset to, TimeSpan amount, DateTimeOffset? runsOnFrom)
    {
        var left = amount;
        foreach (var (a, b) in intervals)
        {
            var s = a > from ? a : from;
            var e = b < to ? b : to;
            if (e <= s) continue;
            var used = calendar.BusinessTime(s, e);
            if (used > TimeSpan.Zero && used >= left) return calendar.Add(s, left);
            left -= used;
        }
        return runsOnFrom is { } at ? calendar.Add(at, left) : null;
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
        e.Kind is TimelineKinds.WorkItemCompleted or TimelineKinds.WorkItemRejected or TimelineKinds.WorkItemHandedOver or TimelineKinds.WorkItemWithdrawn;
}
