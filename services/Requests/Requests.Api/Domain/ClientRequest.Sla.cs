using ClientRequests.Requests.Domain.Sla;

namespace ClientRequests.Requests.Domain;

/// <summary>A clock that has just become at risk or breached: the request's own (WorkItem null) or a department's.</summary>
public sealed record SlaAlert(bool Breach, SlaClock Clock, RequestWorkItem? WorkItem);

public sealed partial class ClientRequest
{
    /// <summary>The request's clocks as last evaluated (see <see cref="SlaSnapshot"/>).</summary>
    public SlaSnapshot FirstResponseSla { get; set; } = new();
    public SlaSnapshot ResolutionSla { get; set; } = new();
    /// <summary>The policy version that last computed the clocks (ADR 0032); 0 before any did.</summary>
    public int SlaPolicyVersion { get; set; }

    /// <summary>
    /// Stores the report's clocks on the request and its work items, and returns the open work items whose due or at-risk
    /// instant, or pause, changed and whose department must hear of it. A department learns an item's clock from its
    /// assignment, so an item not assigned yet is not announced, except a hand-over's new item (the departments side
    /// assigned it, before its clock was known here).
    /// </summary>
    public IReadOnlyList<RequestWorkItem> ApplyClocks(SlaReport report, DateTimeOffset now)
    {
        FirstResponseSla.Update(report.FirstResponse, now);
        ResolutionSla.Update(report.Resolution, now);
        var changed = new List<RequestWorkItem>();
        foreach (var item in WorkItems)
        {
            var before = (item.Ola.DueAt, item.Ola.AtRiskAt, item.Ola.IsPaused);
            if (!item.Ola.Update(report.WorkItems.GetValueOrDefault(item.Id), now)) continue;
            if (before == (item.Ola.DueAt, item.Ola.AtRiskAt, item.Ola.IsPaused) || RequestWorkItem.IsClosed(item.Status)) continue;
            if (item.ClockRevision == 0 && item.HandedOverFrom is null) continue;
            item.ClockRevision++;
            changed.Add(item);
        }
        // The items' rows carry no version: bumping the request's makes a concurrent writer of the same clocks retry, not announce twice.
        if (changed.Count > 0) Version++;
        return changed;
    }

    /// <summary>
    /// Brings the request's SLA flags to what the report says, and returns the clocks that have just become at
    /// risk or breached (each once: a flag already raised raises nothing). A relaxed policy lowers the flags.
    /// </summary>
    public IReadOnlyList<SlaAlert> ApplySla(SlaReport report, DateTimeOffset now)
    {
        var alerts = new List<SlaAlert>();
        var worst = report.RequestClocks.OrderByDescending(c => c.Verdict == SlaVerdict.Breached).ThenByDescending(c => c.Elapsed / c.Target).First();
        if (report.Breached && !Breached) alerts.Add(new SlaAlert(true, worst, null));
        else if (report.AtRisk && !AtRisk && !Breached && !report.Breached) alerts.Add(new SlaAlert(false, worst, null));
        Breached = report.Breached;
        AtRisk = report.AtRisk && !report.Breached;

        foreach (var item in WorkItems)
        {
            if (!report.WorkItems.TryGetValue(item.Id, out var clock)) continue;
            var breached = clock.Verdict == SlaVerdict.Breached;
            var atRisk = clock.Verdict == SlaVerdict.AtRisk;
            if (breached && !item.Breached) alerts.Add(new SlaAlert(true, clock, item));
            else if (atRisk && !item.AtRisk && !item.Breached) alerts.Add(new SlaAlert(false, clock, item));
            item.Breached = breached;
            item.AtRisk = atRisk;
        }
        foreach (var alert in alerts)
            Record(alert.Breach ? TimelineKinds.SlaBreached : TimelineKinds.SlaAtRisk, TimelineKinds.System, now,
                $"{alert.Clock.Name}: {alert.Clock.Elapsed.TotalHours:0.##} of {alert.Clock.Target.TotalHours:0.##} business hours used.", alert.WorkItem);
        return alerts;
    }
}
