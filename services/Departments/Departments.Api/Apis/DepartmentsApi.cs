using ClientRequests.Departments.Data;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Departments.Apis;

public static class DepartmentsApi
{
    public static RouteGroupBuilder MapDepartmentsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/departments").WithTags("Departments");
        group.MapGet("/", ListDepartments).RequireAuthorization(Policies.Reader);
        group.MapGet("/{code}", GetDepartment).RequireAuthorization(Policies.Reader);
        return group;
    }

    public sealed record DepartmentView(string Code, string Name, string Mode, string? LeadId, IReadOnlyList<MemberView> Members);
    public sealed record MemberView(string UserId, string Name, IReadOnlyList<string> Skills, int Capacity);

    static async Task<Ok<List<DepartmentView>>> ListDepartments(DepartmentsDbContext db, CancellationToken cancellationToken)
    {
        var departments = await db.Departments.AsNoTracking().Include(d => d.Members).OrderBy(d => d.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok(departments.Select(ToView).ToList());
    }

    static async Task<Results<Ok<DepartmentView>, ProblemHttpResult>> GetDepartment(string code, DepartmentsDbContext db, CancellationToken cancellationToken)
    {
        var department = await db.Departments.AsNoTracking().Include(d => d.Members).SingleOrDefaultAsync(d => d.Code == code, cancellationToken);
        return department is null ? Problem.NotFound("Department", code) : TypedResults.Ok(ToView(department));
    }

    static DepartmentView ToView(Domain.Department d) =>
        new(d.Code, d.Name, d.Mode.ToString(), d.LeadId,
            d.Members.Select(m => new MemberView(m.UserId, m.Name, m.Skills, m.Capacity)).ToList());
}
