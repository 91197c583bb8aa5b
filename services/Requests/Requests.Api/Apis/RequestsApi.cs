using System.Security.Claims;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Grpc;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Requests.Apis;

public static class RequestsApi
{
    public static RouteGroupBuilder MapRequestsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/requests").WithTags("Requests");
        group.MapPost("/", OpenRequest.Handle).RequireAuthorization(Policies.AccountTeam);
        group.MapGet("/{id:guid}", GetRequest).RequireAuthorization(Policies.Reader);
        return group;
    }

    static async Task<Results<Ok<RequestView>, ProblemHttpResult>> GetRequest(
        Guid id, ClaimsPrincipal user, RequestsDbContext db, ClientLookup clients, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().Include(r => r.WorkItems).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null) return Problem.NotFound("Request", id);
        if (!await MayReadAsync(user, request, clients, cancellationToken)) return Problem.NotFound("Request", id);
        return TypedResults.Ok(RequestView.From(request));
    }

    /// <summary>Admins and analysts read all; agents through their departments' work items; the account team its clients'.</summary>
    static async Task<bool> MayReadAsync(ClaimsPrincipal user, Domain.ClientRequest request, ClientLookup clients, CancellationToken cancellationToken)
    {
        if (user.IsAdmin() || user.IsInRole(Roles.Analyst)) return true;
        var departments = user.DepartmentCodes();
        if (request.WorkItems.Any(w => departments.Contains(w.DepartmentCode))) return true;
        if (!user.IsInRole(Roles.AccountManager) && !user.IsInRole(Roles.AccountExecutive)) return false;
        try
        {
            var client = await clients.FindAsync(request.ClientId, cancellationToken);
            return client is not null && ClientLookup.MayActFor(user, client);
        }
        catch (RpcException)
        {
            // Without the directory we cannot prove access, so we do not grant it.
            return false;
        }
    }
}
