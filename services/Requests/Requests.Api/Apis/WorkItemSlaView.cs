using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Sla;

namespace ClientRequests.Requests.Apis;

/// <summary>A department's OLA clock on its work item, on that department's calendar; the same instants its queue sorts on.</summary>
public sealed record WorkItemSlaView(string State, DateTimeOffset? ResolutionDueAt, DateTimeOffset? AtRiskAt, long ElapsedBusinessMinutes)
{
    public static WorkItemSlaView From(RequestWorkItem w, RequestClocks clocks, DateTimeOffset now)
    {
        var (state, elapsed) = clocks.AsOf(w.Ola, w.DepartmentCode, now);
        return new(state, w.Ola.DueAt, w.Ola.AtRiskAt, (long)elapsed.TotalMinutes);
    }
}
