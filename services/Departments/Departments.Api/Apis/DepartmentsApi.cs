using ClientRequests.Contracts.Departments;
using System.Security.Claims;
using ClientRequests.Departments.Data;
using ClientRequests.Departments.Domain;
using ClientRequests.Departments.Queues;
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
        group.MapGet("/{code}/load", GetLoad).RequireAuthorization(Policies.DepartmentStaff);
        return group;
    }

    public sealed record DepartmentView(string Code, string Name, string Mode, string? LeadId, IReadOnlyList<MemberView> Members,
        bool LoadAware, TimeOnly OpensAt, TimeOnly ClosesAt, IReadOnlyList<string> WorkDays, string TimeZone, string Queue);
    public sealed record MemberView(string UserId, string Name, IReadOnlyList<string> Skills, int Capacity);
    public sealed record MemberLoadView(string UserId, string Name, int Capacity, int Load);

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

    /// <summary>What each member holds against their capacity: what leads balance and load-aware assignment reads.</summary>
    static async Task<Results<Ok<List<MemberLoadView>>, ProblemHttpResult>> GetLoad(string code, ClaimsPrincipal user, DepartmentsDbContext db,
        CancellationToken cancellationToken)
    {
        if (!user.WorksIn(code)) return StaffAccess.NotYourDepartment(code);
        var loads = await LoadAsync(db, code, cancellationToken);
        return loads is null ? Problem.NotFound("Department", code) : TypedResults.Ok(loads);
    }

    public static async Task<List<MemberLoadView>?> LoadAsync(DepartmentsDbContext db, string code, CancellationToken cancellationToken)
    {
        var department = await db.Departments.AsNoTracking().Include(d => d.Members).SingleOrDefaultAsync(d => d.Code == code, cancellationToken);
        if (department is null) return null;
        var loads = await MemberLoads.ForDepartmentAsync(db, code, cancellationToken);
        return department.Members.OrderBy(m => m.UserId)
            .Select(m => new MemberLoadView(m.UserId, m.Name, m.Capacity, loads.GetValueOrDefault(m.UserId))).ToList();
    }

    public static DepartmentView ToView(Department d) =>
        new(d.Code, d.Name, d.Mode.ToString(), d.LeadId,
            d.Members.OrderBy(m => m.UserId).Select(m => new MemberView(m.UserId, m.Name, m.Skills, m.Capacity)).ToList(),
            d.LoadAware, d.OpensAt, d.ClosesAt, d.WorkDays.Select(day => day.ToString()).ToList(), d.TimeZone, DepartmentQueue.Name(d.Code));
}
