using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Dashboard;
using ClientRequests.Requests.Domain.Teams;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Requests.Grpc;

/// <summary>
/// The dashboard's figures over the requests the caller may see (<see cref="RequestVisibility.VisibleTo"/>, the lists' rule), counted by the
/// database with GROUP BY where that is portable; only the two figures that need each row (cycle-time percentiles and
/// daily buckets) read bounded columns into memory. No provider-specific SQL: SQLite and SQL Server alike (ADR 0021).
/// </summary>
public static class DashboardQuery
{
    /// <summary>At most this many fulfilled requests feed the percentiles, the latest first.</summary>
    public const int MaxCycleTimes = 10_000;
    /// <summary>At most this many submissions are bucketed per day, the latest first.</summary>
    public const int MaxSubmissions = 100_000;

    /// <summary>The queries the dashboard runs, not yet executed: each one SQL statement on either provider.</summary>
    public sealed record Sources(IQueryable<BacklogCount> Backlog, IQueryable<DepartmentClosed> DepartmentsClosed, IQueryable<DepartmentOpen> DepartmentsOpen,
        IQueryable<ClientClosed> ClientsClosed, IQueryable<ClientOpen> ClientsOpen, IQueryable<Fulfilment> Fulfilments, IQueryable<Submission> Submissions)
    {
        public IEnumerable<IQueryable> All => [Backlog, DepartmentsClosed, DepartmentsOpen, ClientsClosed, ClientsOpen, Fulfilments, Submissions];
    }

    public sealed record BacklogCount(string DepartmentCode, string DepartmentName, RequestWorkItemStatus Status, int Count);
    public sealed record DepartmentClosed(string DepartmentCode, string DepartmentName, int Closed, int WithinSla);
    public sealed record DepartmentOpen(string DepartmentCode, string DepartmentName, int Breached, int AtRisk);
    public sealed record ClientClosed(Guid ClientId, string ClientName, int Closed, int WithinSla);
    public sealed record ClientOpen(Guid ClientId, string ClientName, int Breached, int AtRisk);
    public sealed record Fulfilment(DateTimeOffset SubmittedAt, DateTimeOffset? ClosedAt);
    public sealed record Submission(DateTimeOffset SubmittedAt, string Type);

    public static Sources Queries(RequestsDbContext db, RequestScope scope, DateTimeOffset from, DateTimeOffset asOf)
    {
        var visible = db.Requests.AsNoTracking().VisibleTo(scope, db);
        var visibleIds = visible.Select(r => r.Id);
        var items = db.WorkItems.AsNoTracking().Where(w => visibleIds.Contains(w.RequestId));
        var openRequestIds = visible.Where(r => r.ClosedAt == null).Select(r => r.Id);
        // Open work on open requests: a cancelled request's items no longer count as backlog.
        var openItems = items.Where(w => openRequestIds.Contains(w.RequestId)
            && w.Status != RequestWorkItemStatus.Completed && w.Status != RequestWorkItemStatus.Rejected && w.Status != RequestWorkItemStatus.HandedOver);
        return new Sources(
            openItems.GroupBy(w => new { w.DepartmentCode, w.DepartmentName, w.Status })
                .Select(g => new BacklogCount(g.Key.DepartmentCode, g.Key.DepartmentName, g.Key.Status, g.Count())),
            // A department's part is closed when it completed, rejected or handed over its work item: its OLA clock stopped there.
            items.Where(w => w.ClosedAt >= from && w.ClosedAt < asOf).GroupBy(w => new { w.DepartmentCode, w.DepartmentName })
                .Select(g => new DepartmentClosed(g.Key.DepartmentCode, g.Key.DepartmentName, g.Count(), g.Sum(w => w.Breached ? 0 : 1))),
            openItems.GroupBy(w => new { w.DepartmentCode, w.DepartmentName })
                .Select(g => new DepartmentOpen(g.Key.DepartmentCode, g.Key.DepartmentName, g.Sum(w => w.Breached ? 1 : 0), g.Sum(w => w.AtRisk && !w.Breached ? 1 : 0))),
            // A request is closed for its client when the departments fulfilled or rejected it; a cancelled one was withdrawn.
            visible.Where(r => (r.Status == RequestStatus.Fulfilled || r.Status == RequestStatus.Rejected) && r.ClosedAt >= from && r.ClosedAt < asOf)
                .GroupBy(r => new { r.ClientId, r.ClientName })
                .Select(g => new ClientClosed(g.Key.ClientId, g.Key.ClientName, g.Count(), g.Sum(r => r.Breached ? 0 : 1))),
            visible.Where(r => r.ClosedAt == null).GroupBy(r => new { r.ClientId, r.ClientName })
                .Select(g => new ClientOpen(g.Key.ClientId, g.Key.ClientName, g.Sum(r => r.Breached ? 1 : 0), g.Sum(r => r.AtRisk && !r.Breached ? 1 : 0))),
            visible.Where(r => r.Status == RequestStatus.Fulfilled && r.ClosedAt >= from && r.ClosedAt < asOf)
                .OrderByDescending(r => r.ClosedAt).Select(r => new Fulfilment(r.SubmittedAt, r.ClosedAt)).Take(MaxCycleTimes + 1),
            visible.Where(r => r.SubmittedAt >= from && r.SubmittedAt < asOf)
                .OrderByDescending(r => r.SubmittedAt).Select(r => new Submission(r.SubmittedAt, r.Type)).Take(MaxSubmissions + 1));
    }

    public static async Task<GetDashboardReply> BuildAsync(RequestsDbContext db, RequestScope scope, int days, DateTimeOffset asOf,
        CancellationToken cancellationToken)
    {
        var from = DashboardFigures.WindowStart(asOf, days);
        var sources = Queries(db, scope, from, asOf);
        var reply = new GetDashboardReply { From = Timestamp.FromDateTimeOffset(from), AsOf = Timestamp.FromDateTimeOffset(asOf) };

        var backlog = await sources.Backlog.ToListAsync(cancellationToken);
        foreach (var department in backlog.GroupBy(b => b.DepartmentCode, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var row = new DepartmentBacklog { DepartmentCode = department.Key, DepartmentName = BestName(department.Key, department.Select(d => d.DepartmentName)) };
            row.Statuses.AddRange(department.GroupBy(d => d.Status).OrderBy(g => g.Key)
                .Select(g => new StatusCount { Status = g.Key.ToString(), Count = g.Sum(d => d.Count) }));
            reply.Backlog.Add(row);
        }

        var closedItems = await sources.DepartmentsClosed.ToListAsync(cancellationToken);
        var openItemSla = await sources.DepartmentsOpen.ToListAsync(cancellationToken);
        var departmentNames = backlog.Select(b => (b.DepartmentCode, b.DepartmentName)).Concat(closedItems.Select(c => (c.DepartmentCode, c.DepartmentName)))
            .GroupBy(n => n.DepartmentCode, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => BestName(g.Key, g.Select(n => n.DepartmentName)), StringComparer.OrdinalIgnoreCase);
        reply.Departments.AddRange(DashboardFigures.Merge(
                closedItems.Select(c => (c.DepartmentCode, departmentNames[c.DepartmentCode], c.Closed, c.WithinSla)),
                openItemSla.Select(o => (o.DepartmentCode, departmentNames.GetValueOrDefault(o.DepartmentCode, o.DepartmentName), o.Breached, o.AtRisk)))
            .Select(ToEntry));

        var closedRequests = await sources.ClientsClosed.ToListAsync(cancellationToken);
        var openRequests = await sources.ClientsOpen.ToListAsync(cancellationToken);
        reply.Clients.AddRange(DashboardFigures.Merge(
                closedRequests.Select(c => (c.ClientId.ToString(), c.ClientName, c.Closed, c.WithinSla)),
                openRequests.Select(o => (o.ClientId.ToString(), o.ClientName, o.Breached, o.AtRisk)))
            .Select(ToEntry));

        var fulfilled = await sources.Fulfilments.ToListAsync(cancellationToken);
        var cycle = DashboardFigures.CycleTimes(fulfilled.Take(MaxCycleTimes).Select(r => r.ClosedAt!.Value - r.SubmittedAt));
        reply.CycleTime = new CycleTimes { Fulfilled = cycle.Count, Sampled = fulfilled.Count > MaxCycleTimes };
        if (cycle.P50Hours is { } p50) reply.CycleTime.P50Hours = p50;
        if (cycle.P90Hours is { } p90) reply.CycleTime.P90Hours = p90;
        if (cycle.P99Hours is { } p99) reply.CycleTime.P99Hours = p99;

        var submitted = await sources.Submissions.ToListAsync(cancellationToken);
        reply.RequestsByDay.AddRange(DashboardFigures.Daily(submitted.Take(MaxSubmissions).Select(s => (s.SubmittedAt, s.Type)))
            .Select(d => new Grpc.DailyCount { Day = d.Day, Type = d.Type, Count = d.Count }));
        reply.RequestsByDayTruncated = submitted.Count > MaxSubmissions;
        return reply;
    }

    /// <summary>A work item adopted from a hand-over carries its code as its name (ADR 0010): prefer a real name.</summary>
    static string BestName(string code, IEnumerable<string> names) =>
        names.Where(n => !string.Equals(n, code, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).FirstOrDefault() ?? code;

    static SlaCompliance ToEntry(SlaRow row) => new()
    {
        Key = row.Key, Name = row.Name, Closed = row.Closed, ClosedWithinSla = row.ClosedWithinSla, BreachedOpen = row.BreachedOpen, AtRiskOpen = row.AtRiskOpen,
    };
}
