using System.Security.Claims;
using ClientRequests.Departments.Domain;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClientRequests.Departments.Apis;

/// <summary>Agents act only in their own departments, leads lead only theirs; admins may do both everywhere.</summary>
public static class StaffAccess
{
    public static bool WorksIn(this ClaimsPrincipal user, string code) => user.IsAdmin() || user.DepartmentCodes().Contains(code);

    public static bool Leads(this ClaimsPrincipal user, string code) =>
        user.IsAdmin() || (user.IsInRole(Roles.DepartmentLead) && user.DepartmentCodes().Contains(code));

    public static ProblemHttpResult NotYourDepartment(string code) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not your department.",
            detail: $"You do not work in department '{code}'.");

    /// <summary>A refused transition as a ProblemDetails naming the field or the state.</summary>
    public static Results<Ok<WorkItemView>, ValidationProblem, ProblemHttpResult> ToProblem(this Refusal refusal, WorkItem item) => refusal.Kind switch
    {
        RefusalKind.Invalid => Problem.Invalid(refusal.Field, refusal.Message),
        RefusalKind.Forbidden => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not allowed on this work item.",
            detail: refusal.Message, extensions: new Dictionary<string, object?> { ["field"] = refusal.Field, ["claimedBy"] = item.ClaimedBy }),
        _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The work item's state does not allow this.",
            detail: refusal.Message, extensions: new Dictionary<string, object?> { ["field"] = refusal.Field, ["status"] = item.Status.ToString() }),
    };
}
