using System.Security.Claims;
using ClientRequests.Clients.Grpc;
using ClientRequests.ServiceDefaults.Security;
using global::GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.Gateway.GraphQL.Subscriptions;

/// <summary>Whether a team change took a client away from a subscriber who saw it as a member of its account team.</summary>
public static class TeamAccess
{
    public static async Task<bool> LostAsync(IServiceProvider services, ClaimsPrincipal user, string clientId, IEnumerable<string> requestDepartments,
        CancellationToken cancellationToken)
    {
        // Admins and analysts read every request; department staff read it through their work items, which a team change does not move.
        if (user.IsAdmin() || user.IsInRole(Roles.Analyst)) return false;
        var departments = user.DepartmentCodes();
        if (requestDepartments.Any(departments.Contains)) return false;
        var ask = new CheckAccessRequest();
        ask.Queries.Add(new AccessQuery { UserId = user.UserId(), ClientId = clientId, Roles = { user.FindAll(PlatformClaims.Role).Select(r => r.Value) } });
        try
        {
            var reply = await services.GetRequiredService<ClientDirectory.ClientDirectoryClient>().CheckAccessAsync(ask, cancellationToken: cancellationToken);
            return reply.Answers.SingleOrDefault() is not { MayRead: true };
        }
        catch (Grpc.Core.RpcException error) when (error.StatusCode is Grpc.Core.StatusCode.Unavailable or Grpc.Core.StatusCode.DeadlineExceeded)
        {
            // Without the directory the requests service decides at the next read (its own copy of the team).
            throw new ExecutionError("The clients service did not answer.") { Code = "SERVICE_UNAVAILABLE" };
        }
    }
}
