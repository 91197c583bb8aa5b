using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Domain.Teams;
using ClientRequests.Requests.Sla;
using ClientRequests.ServiceDefaults.Paging;
using ClientRequests.ServiceDefaults.Problems;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Requests.Apis;

/// <summary>
/// One page of the requests a caller may see, newest first, keyset-paged on (SubmittedAt, Id). REST, gRPC, the
/// dashboard's visibility and the benchmark all go through here: <see cref="Parse"/> the words, then <see cref="RunAsync"/>.
/// Each filter has an index ending in the page key, and visibility is a key probe per row (<see cref="RequestVisibility"/>),
/// so a page is an index range scan however many requests there are.
/// </summary>
public sealed record RequestListQuery(Guid? ClientId, RequestStatus? Status, Priority? Priority, string? Department, string? Type,
    bool? Breached, DateTimeOffset? From, DateTimeOffset? To, Cursor? After, int Limit)
{
    /// <summary>Parses a filter as the REST query string and the gRPC message carry it; errors name the field.</summary>
    public static (RequestListQuery? Query, FieldErrors Errors) Parse(RequestFilter filter)
    {
        RequestStatus parsedStatus = default;
        Priority parsedPriority = default;
        var errors = new FieldErrors()
            .Require(filter.Status is null || Enum.TryParse(filter.Status, ignoreCase: true, out parsedStatus) && !int.TryParse(filter.Status, out _),
                "status", $"'status' must be one of {string.Join(", ", Enum.GetNames<RequestStatus>())}.")
            .Require(filter.Priority is null || Enum.TryParse(filter.Priority, ignoreCase: false, out parsedPriority) && !int.TryParse(filter.Priority, out _),
                "priority", "'priority' must be one of P1, P2, P3, P4.")
            .Require(filter.Department is null or { Length: > 0 and <= 40 }, "department", "'department' is a department code.")
            .Require(filter.Type is null or { Length: > 0 and <= 60 }, "type", "'type' is a request type.")
            .Require(filter.From is null || filter.To is null || filter.From < filter.To, "to", "'to' must be after 'from'.")
            .Require(Cursor.TryDecode(filter.After, out var cursor), "after", "'after' is not a cursor this service issued.")
            .Require(PageLimits.IsValid(filter.Limit), "limit", $"'limit' must be between 1 and {PageLimits.Max}.");
        if (errors.Count > 0) return (null, errors);
        return (new RequestListQuery(filter.ClientId, filter.Status is null ? null : parsedStatus, filter.Priority is null ? null : parsedPriority,
            filter.Department, filter.Type, filter.Breached, filter.From, filter.To, cursor, filter.Limit ?? PageLimits.Default), errors);
    }

    /// <summary>
    /// The page, or null when the query names a client whose account team the (team-scoped) caller is not on: that
    /// client is not theirs to know of, so the caller answers as for one that does not exist.
    /// </summary>
    public async Task<Page<RequestSummary>?> RunAsync(RequestsDbContext db, RequestScope scope, RequestClocks clocks, CancellationToken cancellationToken)
    {
        var requests = db.Requests.AsNoTracking();
        if (ClientId is { } clientId && scope.IsTeamScoped && !scope.IsDepartmentStaff)
        {
            if (!await db.IsOnTeamAsync(scope, clientId, cancellationToken)) return null;
        }
        else requests = requests.VisibleTo(scope, db);
        return await PageAsync(Filter(db, requests), clocks, cancellationToken);
    }

    /// <summary>This query's filters and cursor over already visible requests.</summary>
    public IQueryable<ClientRequest> Filter(RequestsDbContext db, IQueryable<ClientRequest> requests)
    {
        if (ClientId is { } clientId) requests = requests.Where(r => r.ClientId == clientId);
        if (Status is { } s) requests = requests.Where(r => r.Status == s);
        if (Priority is { } p) requests = requests.Where(r => r.Priority == p);
        if (Type is { } type) requests = requests.Where(r => r.Type == type);
        if (Breached is { } breached) requests = requests.Where(r => r.Breached == breached);
        if (From is { } from) requests = requests.Where(r => r.SubmittedAt >= from);
        if (To is { } to) requests = requests.Where(r => r.SubmittedAt < to);
        if (Department is { } code) requests = requests.Where(r => db.WorkItems.Any(w => w.RequestId == r.Id && w.DepartmentCode == code));
        if (After is { } c) requests = requests.Where(r => r.SubmittedAt < c.At || (r.SubmittedAt == c.At && r.Id.CompareTo(c.Id) < 0));
        return requests;
    }

    /// <summary>The clocks come from the row's own columns (the clock snapshots), as of one instant for the whole page.</summary>
    async Task<Page<RequestSummary>> PageAsync(IQueryable<ClientRequest> requests, RequestClocks clocks, CancellationToken cancellationToken)
    {
        var rows = await requests.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Take(Limit + 1)
            .Select(r => new
            {
                r.Id, r.ClientId, r.ClientName, r.Type, r.Priority, r.Title, r.Status, r.SubmittedAt, r.WantedBy, r.ExternalReference,
                r.AtRisk, r.Breached, r.FirstResponseSla, r.ResolutionSla,
            })
            .ToListAsync(cancellationToken);
        var now = clocks.Now;
        var next = rows.Count > Limit ? new Cursor(rows[Limit - 1].SubmittedAt, rows[Limit - 1].Id).Encode() : null;
        return new Page<RequestSummary>(rows.Take(Limit).Select(r => new RequestSummary(r.Id, r.ClientId, r.ClientName, r.Type,
            r.Priority.ToString(), r.Title, r.Status.ToString(), r.SubmittedAt, r.WantedBy, r.ExternalReference, r.AtRisk, r.Breached,
            RequestSlaView.Of(r.FirstResponseSla, r.ResolutionSla, clocks, now))).ToList(), next);
    }
}
