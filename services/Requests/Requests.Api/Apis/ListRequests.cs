using System.Security.Claims;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain.Teams;
using ClientRequests.Requests.Sla;
using ClientRequests.ServiceDefaults.Paging;
using ClientRequests.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClientRequests.Requests.Apis;

/// <summary>
/// GET /api/requests through <see cref="RequestListQuery"/>: admins and analysts see every request; department staff the
/// requests their departments have work items on; account managers and executives the requests of the clients whose
/// current team they are on. A clientId outside the caller's clients is a 404, as for a client that does not exist.
/// </summary>
public static class ListRequests
{
    public static async Task<Results<Ok<Page<RequestSummary>>, ValidationProblem, ProblemHttpResult>> Handle(
        [AsParameters] RequestFilter filter, ClaimsPrincipal user, RequestsDbContext db, RequestClocks clocks, CancellationToken cancellationToken)
    {
        var (query, errors) = RequestListQuery.Parse(filter);
        if (query is null) return Problem.Invalid(errors);
        var page = await query.RunAsync(db, RequestScope.Of(user), clocks, cancellationToken);
        return page is null ? Problem.NotFound("Client", filter.ClientId!.Value) : TypedResults.Ok(page);
    }
}
