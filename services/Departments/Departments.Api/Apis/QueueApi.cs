using System.Security.Claims;
using ClientRequests.Departments.Data;
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

    /// <summary>
    /// <paramref name="status"/> filters, <paramref name="sort"/> is <c>age</c> (oldest first, the default) or <c>sla</c>
    /// (soonest due first), <paramref name="atRisk"/> keeps the open items past three quarters of their target.
    /// </summary>
    static async Task<Results<Ok<Page<WorkItemView>>, ValidationProblem, ProblemHttpResult>> ListQueue(
        string code, string? status, string? sort, bool? atRisk, string? after, int? limit,
        ClaimsPrincipal user, DepartmentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.WorksIn(code)) return StaffAccess.NotYourDepartment(code);
        if (!await db.Departments.AnyAsync(d => d.Code == code, cancellationToken))
            return Problem.NotFound("Department", code);

        var (query, errors) = QueueQuery.Parse(code, status, sort, atRisk, after, limit);
        if (query is null) return Problem.Invalid(errors);
        return TypedResults.Ok(await query.RunAsync(db, clock.GetUtcNow(), cancellationToken));
    }
}
