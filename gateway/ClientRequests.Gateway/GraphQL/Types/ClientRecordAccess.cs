using System.Security.Claims;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.Gateway.GraphQL.Types;

/// <summary>
/// Who reads the clients service's record of a client (tier, account team, health) through a request or the dashboard:
/// the roles its REST API serves (account teams, analysts, admins). Department staff see what the request carries
/// (client id and name) and write to the team through comments (ADR 0030), as over REST.
/// </summary>
public static class ClientRecordAccess
{
    public static bool Reads(ClaimsPrincipal? user) =>
        user is not null && (user.IsAdmin() || user.IsInRole(Roles.Analyst) || user.IsInRole(Roles.AccountManager) || user.IsInRole(Roles.AccountExecutive));
}
