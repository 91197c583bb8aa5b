using System.Security.Claims;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.Requests.Domain.Teams;

/// <summary>
/// Which requests a caller may see, from their token alone: the clients service's rule (ClientScope) as this service
/// applies it. Admins and analysts see every request; department staff the requests their departments have work on;
/// account managers and executives the requests of the clients whose current team they are on (the team projection).
/// </summary>
public sealed record RequestScope(string UserId, bool SeesAll, IReadOnlySet<string> Departments, bool OnAccountTeams, bool IsAdmin)
{
    public bool IsDepartmentStaff => Departments.Count > 0;

    /// <summary>A caller for whom a client filter is a question about one of their clients (answered 404 when it is not).</summary>
    public bool IsTeamScoped => !SeesAll && OnAccountTeams;

    public static RequestScope Of(ClaimsPrincipal user)
    {
        var staff = user.IsInRole(Roles.DepartmentAgent) || user.IsInRole(Roles.DepartmentLead);
        return new RequestScope(user.UserId(), user.IsAdmin() || user.IsInRole(Roles.Analyst),
            staff ? user.DepartmentCodes() : new HashSet<string>(), user.IsInRole(Roles.AccountManager) || user.IsInRole(Roles.AccountExecutive),
            user.IsAdmin());
    }

    /// <summary>Whether a request is visible, given whether the caller is on its client's team now and its work items' departments.</summary>
    public bool Sees(bool onClientTeam, IEnumerable<string> workItemDepartments) =>
        SeesAll || (OnAccountTeams && onClientTeam) || (IsDepartmentStaff && workItemDepartments.Any(Departments.Contains));

    /// <summary>Acting for a client (opening, cancelling, commenting as the team) is for its current team and admins.</summary>
    public bool ActsFor(bool onClientTeam) => IsAdmin || (OnAccountTeams && onClientTeam);
}
