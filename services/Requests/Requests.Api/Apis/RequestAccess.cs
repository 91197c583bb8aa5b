using System.Security.Claims;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Grpc;
using ClientRequests.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Requests.Apis;

/// <summary>
/// Who may see and act on a request. A caller who may not see it is told it does not exist (404), so that
/// another team learns nothing; the clients service's directory says who is on a client's account team.
/// </summary>
public sealed class RequestAccess(RequestsDbContext db, ClientLookup clients)
{
    /// <summary>The request with its work items, tracked, if the caller may act on it (its account team or an admin).</summary>
    public async Task<ClientRequest?> ForActingAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var request = await db.Requests.Include(r => r.WorkItems).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return request is not null && await IsOnTeamAsync(user, request.ClientId, cancellationToken) ? request : null;
    }

    /// <summary>The request with its work items, tracked, if the caller may read it.</summary>
    public async Task<ClientRequest?> ForReadingAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var request = await db.Requests.Include(r => r.WorkItems).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        return request is not null && await MayReadAsync(user, request, cancellationToken) ? request : null;
    }

    /// <summary>Admins and analysts read all; agents through their departments' work items; the account team its clients'.</summary>
    public async Task<bool> MayReadAsync(ClaimsPrincipal user, ClientRequest request, CancellationToken cancellationToken)
    {
        if (user.IsAdmin() || user.IsInRole(Roles.Analyst)) return true;
        if (IsDepartmentStaffOf(user, request)) return true;
        return await IsOnTeamAsync(user, request.ClientId, cancellationToken);
    }

    public static bool IsDepartmentStaffOf(ClaimsPrincipal user, ClientRequest request)
    {
        if (!user.IsInRole(Roles.DepartmentAgent) && !user.IsInRole(Roles.DepartmentLead)) return false;
        var departments = user.DepartmentCodes();
        return request.WorkItems.Any(w => departments.Contains(w.DepartmentCode));
    }

    public async Task<bool> IsOnTeamAsync(ClaimsPrincipal user, Guid clientId, CancellationToken cancellationToken)
    {
        if (user.IsAdmin()) return true;
        if (!user.IsInRole(Roles.AccountManager) && !user.IsInRole(Roles.AccountExecutive)) return false;
        try
        {
            var client = await clients.FindAsync(clientId, cancellationToken);
            return client is not null && ClientLookup.MayActFor(user, client);
        }
        catch (RpcException)
        {
            // Without the directory we cannot prove access, so we do not grant it.
            return false;
        }
    }
}
