using System.Security.Claims;
using ClientRequests.Requests.Sla;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClientRequests.Requests.Apis;

public static class RequestsApi
{
    public static RouteGroupBuilder MapRequestsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/requests").WithTags("Requests");
        group.MapPost("/", OpenRequest.Handle).RequireAuthorization(Policies.AccountTeam);
        group.MapGet("/", ListRequests.Handle).RequireAuthorization(Policies.Reader);
        group.MapGet("/{id:guid}", GetRequest).RequireAuthorization(Policies.Reader);
        group.MapPatch("/{id:guid}", EditRequest.Handle).RequireAuthorization(Policies.AccountTeam);
        group.MapImportApi();
        group.MapLifecycleApi();
        group.MapTimelineApi();
        return group;
    }

    static async Task<Results<Ok<RequestView>, ProblemHttpResult>> GetRequest(
        Guid id, ClaimsPrincipal user, HttpContext http, RequestAccess access, RequestClocks clocks, CancellationToken cancellationToken)
    {
        var request = await access.ForReadingAsync(id, user, cancellationToken);
        if (request is null) return Problem.NotFound("Request", id);
        // The version an edit sends back as If-Match.
        http.Response.Headers.ETag = RequestVersion.ETag(request.Version);
        return TypedResults.Ok(RequestView.From(request, clocks));
    }
}
