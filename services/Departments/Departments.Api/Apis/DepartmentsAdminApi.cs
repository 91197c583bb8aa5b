using ClientRequests.Departments.Data;
using ClientRequests.Departments.Domain;
using ClientRequests.Departments.Queues;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static ClientRequests.Departments.Apis.DepartmentsApi;

namespace ClientRequests.Departments.Apis;

/// <summary>Admins create, change and delete departments and their members; queues follow without a restart.</summary>
public static class DepartmentsAdminApi
{
    public static RouteGroupBuilder MapDepartmentsAdminApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/departments").WithTags("Departments").RequireAuthorization(Policies.Admin);
        group.MapPost("/", Create);
        group.MapPut("/{code}", Update);
        group.MapDelete("/{code}", Delete);
        group.MapPut("/{code}/members/{userId}", PutMember);
        group.MapDelete("/{code}/members/{userId}", DeleteMember);
        return group;
    }

    static async Task<Results<Created<DepartmentView>, ValidationProblem, ProblemHttpResult>> Create(DepartmentInput body, DepartmentsDbContext db,
        DepartmentQueues queues, CancellationToken cancellationToken)
    {
        var errors = body.Validate(creating: true);
        if (errors.Count > 0) return Problem.Invalid(errors);
        if (await db.Departments.AnyAsync(d => d.Code == body.Code, cancellationToken))
            return Problem.Conflict("The department exists.", $"There is already a department with code '{body.Code}'.");

        var department = new Department { Code = body.Code!, Name = body.Name! };
        body.ApplyTo(department);
        db.Departments.Add(department);
        await db.SaveChangesAsync(cancellationToken);
        // Consuming starts before the answer, so a work item sent right after creation is taken.
        if (department.Mode == DepartmentMode.Managed) await queues.ConnectAsync(department.Code);
        else await queues.DeclareExternalAsync(department.Code);
        return TypedResults.Created($"/api/departments/{department.Code}", ToView(department));
    }

    static async Task<Results<Ok<DepartmentView>, ValidationProblem, ProblemHttpResult>> Update(string code, DepartmentInput body,
        DepartmentsDbContext db, DepartmentQueues queues, AssignmentSignal assignment, CancellationToken cancellationToken)
    {
        var department = await db.Departments.Include(d => d.Members).SingleOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (department is null) return Problem.NotFound("Department", code);
        var errors = body.Validate(creating: false);
        if (errors.Count > 0) return Problem.Invalid(errors);

        body.ApplyTo(department);
        await db.SaveChangesAsync(cancellationToken);
        if (department.Mode == DepartmentMode.Managed) await queues.ConnectAsync(code);
        else
        {
            await queues.DisconnectAsync(code);
            await queues.DeclareExternalAsync(code);
        }
        if (department.LoadAware) assignment.Notify(code);
        return TypedResults.Ok(ToView(department));
    }

    /// <summary>Refused while routing rules target the department or it has open work: both would be orphaned.</summary>
    static async Task<Results<NoContent, ProblemHttpResult>> Delete(string code, DepartmentsDbContext db, DepartmentQueues queues,
        IConfiguration configuration, CancellationToken cancellationToken)
    {
        var department = await db.Departments.Include(d => d.Members).SingleOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (department is null) return Problem.NotFound("Department", code);
        if (string.Equals(configuration["Routing:DefaultDepartment"], code, StringComparison.OrdinalIgnoreCase))
            return Problem.Conflict("The department is the default department.",
                $"Requests no rule matches go to '{code}' (Routing:DefaultDepartment); configure another default first.");

        var rules = (await db.RoutingRules.AsNoTracking().ToListAsync(cancellationToken))
            .Where(r => r.TargetDepartments.Contains(code, StringComparer.OrdinalIgnoreCase)).Select(r => $"'{r.Name}'").ToList();
        if (rules.Count > 0)
            return Problem.Conflict("Routing rules target the department.", $"Change or delete the rules {string.Join(", ", rules)} first.");
        var open = await db.WorkItems.CountAsync(i => i.DepartmentCode == code &&
            (i.Status == WorkItemStatus.Queued || i.Status == WorkItemStatus.Claimed || i.Status == WorkItemStatus.InProgress), cancellationToken);
        if (open > 0)
            return Problem.Conflict("The department has open work items.", $"{open} work items are open; hand them over or close them first.");

        db.Departments.Remove(department);
        await db.SaveChangesAsync(cancellationToken);
        await queues.DisconnectAsync(code);
        return TypedResults.NoContent();
    }

    static async Task<Results<Ok<MemberView>, ValidationProblem, ProblemHttpResult>> PutMember(string code, string userId, MemberInput body,
        DepartmentsDbContext db, AssignmentSignal assignment, CancellationToken cancellationToken)
    {
        if (!await db.Departments.AnyAsync(d => d.Code == code, cancellationToken)) return Problem.NotFound("Department", code);
        var errors = body.Validate();
        errors.Text(userId, "userId", 100);
        if (errors.Count > 0) return Problem.Invalid(errors);

        var member = await db.Members.SingleOrDefaultAsync(m => m.DepartmentCode == code && m.UserId == userId, cancellationToken);
        if (member is null) db.Members.Add(member = new Member { DepartmentCode = code, UserId = userId, Name = body.Name! });
        member.Name = body.Name!;
        member.Skills = body.Skills?.Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? [];
        member.Capacity = body.Capacity ?? 10;
        member.Version++;
        await db.SaveChangesAsync(cancellationToken);
        assignment.Notify(code);
        return TypedResults.Ok(new MemberView(member.UserId, member.Name, member.Skills, member.Capacity));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> DeleteMember(string code, string userId, DepartmentsDbContext db, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.DepartmentCode == code && m.UserId == userId, cancellationToken);
        if (member is null) return Problem.NotFound("Member", userId);
        var held = await MemberLoads.ForMemberAsync(db, code, userId, cancellationToken);
        if (held > 0) return Problem.Conflict("The member holds work items.", $"'{userId}' holds {held} work items; reassign them first.");
        db.Members.Remove(member);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
