using System.Security.Claims;
using ClientRequests.Departments.Data;
using ClientRequests.Departments.Domain;
using ClientRequests.ServiceDefaults.Paging;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Departments.Apis;

/// <summary>A department's work queue, as its agents and leads see it.</summary>
public static class QueueApi
{
    public static RouteGroupBuilder MapQueueApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/departments/{code}/queue").WithTags("Work queue");
        group.MapGet("/", ListQueue).RequireAuthorization(Policies.DepartmentStaff);
        return group;
    }

    public sealed record WorkItemView(Guid Id, Guid RequestId, Guid ClientId, string DepartmentCode, string Type, string Priority,
        string Title, string Status, string? ClaimedBy, DateTimeOffset QueuedAt);

    static async Task<Results<Ok<Page<WorkItemView>>, ValidationProblem, ProblemHttpResult>> ListQueue(
        string code, string? status, string? after, int? limit, ClaimsPrincipal user, DepartmentsDbContext db, CancellationToken cancellationToken)
    {
        if (!user.IsAdmin() && !user.DepartmentCodes().Contains(code))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your department.",
                detail: $"You do not work in department '{code}'.");
        if (!await db.Departments.AnyAsync(d => d.Code == code, cancellationToken))
            return Problem.NotFound("Department", code);

        var errors = new FieldErrors();
        WorkItemStatus parsedStatus = default;
        errors.Require(status is null || Enum.TryParse(status, ignoreCase: true, out parsedStatus), "status",
            $"'status' must be one of {string.Join(", ", Enum.GetNames<WorkItemStatus>())}.");
        errors.Require(Cursor.TryDecode(after, out var cursor), "after", "'after' is not a cursor this service issued.");
        errors.Require(PageLimits.IsValid(limit), "limit", $"'limit' must be between 1 and {PageLimits.Max}.");
        if (errors.Count > 0) return Problem.Invalid(errors);

        var query = db.WorkItems.AsNoTracking().Where(i => i.DepartmentCode == code);
        if (status is not null) query = query.Where(i => i.Status == parsedStatus);
        if (cursor is { } c) query = query.Where(i => i.QueuedAt > c.At || (i.QueuedAt == c.At && i.Id.CompareTo(c.Id) > 0));

        var take = limit ?? PageLimits.Default;
        var items = await query.OrderBy(i => i.QueuedAt).ThenBy(i => i.Id).Take(take + 1).ToListAsync(cancellationToken);
        var next = items.Count > take ? new Cursor(items[take - 1].QueuedAt, items[take - 1].Id).Encode() : null;
        return TypedResults.Ok(new Page<WorkItemView>(items.Take(take).Select(ToView).ToList(), next));
    }

    static WorkItemView ToView(WorkItem i) =>
        new(i.Id, i.RequestId, i.ClientId, i.DepartmentCode, i.Type, i.Priority, i.Title, i.Status.ToString(), i.ClaimedBy, i.QueuedAt);
}
