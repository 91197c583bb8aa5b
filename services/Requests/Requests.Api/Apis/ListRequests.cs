using System.Security.Claims;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.ServiceDefaults.Paging;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Requests.Apis;

public sealed record RequestSummary(Guid Id, Guid ClientId, string ClientName, string Type, string Priority, string Title, string Status,
    DateTimeOffset SubmittedAt, DateTimeOffset? WantedBy, string? ExternalReference, bool AtRisk, bool Breached);

/// <summary>The filters of a request list, as the REST and gRPC APIs both take them.</summary>
public sealed record RequestFilter(Guid? ClientId = null, string? Status = null, string? Department = null, string? Type = null,
    string? Priority = null, bool? Breached = null, DateTimeOffset? From = null, DateTimeOffset? To = null, string? After = null, int? Limit = null);

/// <summary>
/// GET /api/requests: newest first, keyset-paged on (SubmittedAt, Id). Admins and analysts see every request;
/// department staff the requests their departments have work items on; the account team a client's requests
/// (clientId, checked with the directory), or without clientId the requests they manage or opened.
/// </summary>
public static class ListRequests
{
    public static async Task<Results<Ok<Page<RequestSummary>>, ValidationProblem, ProblemHttpResult>> Handle(
        [AsParameters] RequestFilterQuery query, ClaimsPrincipal user, RequestsDbContext db, RequestAccess access, CancellationToken cancellationToken)
    {
        var filter = query.ToFilter();
        var (errors, status, priority, cursor) = Validate(filter);
        if (errors.Count > 0) return Problem.Invalid(errors);

        var requests = db.Requests.AsNoTracking();
        if (filter.ClientId is { } clientId && IsAccountTeamScoped(user))
        {
            // A client's requests are all visible to its account team, which the directory confirms.
            if (!await access.IsOnTeamAsync(user, clientId, cancellationToken)) return Problem.NotFound("Client", clientId);
        }
        else requests = VisibleTo(requests, user, db);
        var page = await PageAsync(db, requests, filter, status, priority, cursor, cancellationToken);
        return TypedResults.Ok(page);
    }

    /// <summary>
    /// The requests the caller sees without a client filter: admins and analysts all; department staff those with a work
    /// item of their departments; everyone else the requests they manage or opened (the directory cannot list a user's clients).
    /// The dashboard aggregates over the same set.
    /// </summary>
    public static IQueryable<ClientRequest> VisibleTo(IQueryable<ClientRequest> requests, ClaimsPrincipal user, RequestsDbContext db)
    {
        if (user.IsAdmin() || user.IsInRole(Roles.Analyst)) return requests;
        if (IsDepartmentStaff(user))
        {
            var mine = user.DepartmentCodes().ToList();
            return requests.Where(r => db.WorkItems.Any(w => w.RequestId == r.Id && mine.Contains(w.DepartmentCode)));
        }
        var me = user.UserId();
        return requests.Where(r => r.AccountManagerId == me || r.OpenedBy == me);
    }

    static bool IsDepartmentStaff(ClaimsPrincipal user) => user.IsInRole(Roles.DepartmentAgent) || user.IsInRole(Roles.DepartmentLead);

    static bool IsAccountTeamScoped(ClaimsPrincipal user) => !user.IsAdmin() && !user.IsInRole(Roles.Analyst) && !IsDepartmentStaff(user);

    public static (FieldErrors Errors, RequestStatus? Status, Priority? Priority, Cursor? Cursor) Validate(RequestFilter filter)
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
        return (errors, filter.Status is null ? null : parsedStatus, filter.Priority is null ? null : parsedPriority, cursor);
    }

    /// <summary>One page of the requests the caller may see, filtered; the caller has validated the filter.</summary>
    public static async Task<Page<RequestSummary>> PageAsync(RequestsDbContext db, IQueryable<ClientRequest> requests, RequestFilter filter,
        RequestStatus? status, Priority? priority, Cursor? cursor, CancellationToken cancellationToken)
    {
        if (filter.ClientId is { } clientId) requests = requests.Where(r => r.ClientId == clientId);
        if (status is { } s) requests = requests.Where(r => r.Status == s);
        if (priority is { } p) requests = requests.Where(r => r.Priority == p);
        if (filter.Type is { } type) requests = requests.Where(r => r.Type == type);
        if (filter.Breached is { } breached) requests = requests.Where(r => r.Breached == breached);
        if (filter.From is { } from) requests = requests.Where(r => r.SubmittedAt >= from);
        if (filter.To is { } to) requests = requests.Where(r => r.SubmittedAt < to);
        if (filter.Department is { } code) requests = requests.Where(r => db.WorkItems.Any(w => w.RequestId == r.Id && w.DepartmentCode == code));
        if (cursor is { } c) requests = requests.Where(r => r.SubmittedAt < c.At || (r.SubmittedAt == c.At && r.Id.CompareTo(c.Id) < 0));

        var take = filter.Limit ?? PageLimits.Default;
        var rows = await requests.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Take(take + 1)
            .Select(r => new RequestSummary(r.Id, r.ClientId, r.ClientName, r.Type, r.Priority.ToString(), r.Title, r.Status.ToString(),
                r.SubmittedAt, r.WantedBy, r.ExternalReference, r.AtRisk, r.Breached))
            .ToListAsync(cancellationToken);
        var next = rows.Count > take ? new Cursor(rows[take - 1].SubmittedAt, rows[take - 1].Id).Encode() : null;
        return new Page<RequestSummary>(rows.Take(take).ToList(), next);
    }
}

/// <summary>The query string of GET /api/requests.</summary>
public sealed record RequestFilterQuery(Guid? ClientId, string? Status, string? Department, string? Type, string? Priority, bool? Breached,
    DateTimeOffset? From, DateTimeOffset? To, string? After, int? Limit)
{
    public RequestFilter ToFilter() => new(ClientId, Status, Department, Type, Priority, Breached, From, To, After, Limit);
}
