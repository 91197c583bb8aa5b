using ClientRequests.Requests.Domain.Sla;

namespace ClientRequests.Requests.Domain;

/// <summary>A clock that has just become at risk or breached: the request's own (WorkItem null) or a department's.</summary>
public sealed record SlaAlert(bool Breach, SlaClock Clock, RequestWorkItem? WorkItem);

public sealed partial class ClientRequest
{
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
