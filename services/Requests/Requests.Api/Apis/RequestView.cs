using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Sla;

namespace ClientRequests.Requests.Apis;

public sealed record RequestView(
    Guid Id, Guid ClientId, string ClientName, string OpenedBy, string Type, string Priority, string Title, string Description,
    IReadOnlyList<string> Tags, DateTimeOffset? WantedBy, string? ExternalReference, string Status, string RoutedBy,
    DateTimeOffset SubmittedAt, IReadOnlyList<WorkItemView> WorkItems, int Round, DateTimeOffset? ClosedAt, bool Breached,
    int? SatisfactionScore, int Version, RequestSlaView Sla)
{
    public static RequestView From(ClientRequest r, RequestClocks clocks)
    {
        var now = clocks.Now;
        return new(r.Id, r.ClientId, r.ClientName, r.OpenedBy, r.Type, r.Priority.ToString(), r.Title, r.Description, r.Tags, r.WantedBy,
            r.ExternalReference, r.Status.ToString(), r.RoutedBy, r.SubmittedAt,
            r.WorkItems.OrderBy(w => w.Round).ThenBy(w => w.DepartmentCode).Select(w => WorkItemView.From(w, clocks, now)).ToList(),
            r.Round, r.ClosedAt, r.Breached, r.SatisfactionScore, r.Version, RequestSlaView.From(r, clocks, now));
    }
}

public sealed record WorkItemView(Guid Id, string DepartmentCode, string DepartmentName, string Status, DateTimeOffset? QueuedAt,
    int Round, Guid? HandedOverFrom, DateTimeOffset? ClosedAt, string? Outcome, WorkItemSlaView Sla)
{
    public static WorkItemView From(RequestWorkItem w, RequestClocks clocks, DateTimeOffset now) =>
        new(w.Id, w.DepartmentCode, w.DepartmentName, w.Status.ToString(), w.QueuedAt, w.Round, w.HandedOverFrom, w.ClosedAt, w.Outcome,
            WorkItemSlaView.From(w, clocks, now));
}
