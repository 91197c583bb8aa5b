using System.Security.Claims;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain.Teams;
using ClientRequests.ServiceDefaults.Paging;
using ClientRequests.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClientRequests.Requests.Apis;

public sealed record RequestSummary(Guid Id, Guid ClientId, string ClientName, string Type, string Priority, string Title, string Status,
    DateTimeOffset SubmittedAt, DateTimeOffset? WantedBy, string? ExternalReference, bool AtRisk, bool Breached);

/// <summary>The filters of a request list, as the REST query string and the gRPC message both carry them.</summary>
public sealed record RequestFilter(Guid? ClientId = null, string? Status = null, string? Department = null, string? Type = null,
    string? Priority = null, bool? Breached = null, DateTimeOffset? From = null, DateTimeOffset? To = null, string? After = null, int? Limit = null);

/// <summary>
/// GET /api/requests through <see cref="RequestListQuery"/>: admins and analysts see every request; department staff the
/// requests their departments have work items on; account managers and executives the requests of the clients whose
/// current team they are on. A clientId outside the caller's clients is a 404, as for a client that does not exist.
/// </summary>
public static class ListRequests
{
    public static async Task<Results<Ok<Page<RequestSummary>>, ValidationProblem, ProblemHttpResult>> Handle(
        [AsParameters] RequestFilter filter, ClaimsPrincipal user, RequestsDbContext db, CancellationToken cancellationToken)
    {
        var (query, errors) = RequestListQuery.Parse(filter);
        if (query is null) return Problem.Invalid(errors);
        var page = await query.RunAsync(db, RequestScope.Of(user), cancellationToken);
        return page is null ? Problem.NotFound("Client", filter.ClientId!.Value) : TypedResults.Ok(page);
    }
}
