using ClientRequests.Contracts.Departments;
using System.Security.Claims;
using ClientRequests.Messaging;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Sla;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ClientRequests.Requests.Apis;

public sealed record ActionBody(string? Reason);

public sealed record ReopenBody(string? Reason, List<string>? Departments);

/// <summary>What the account team does to a request's lifecycle: cancel, wait on the client, resume, reopen.</summary>
public static class LifecycleApi
{
    public const int ReasonMax = 1000;

    public static RouteGroupBuilder MapLifecycleApi(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/cancel", Cancel).RequireAuthorization(Policies.AccountTeam);
        group.MapPost("/{id:guid}/wait-on-client", WaitOnClient).RequireAuthorization(Policies.AccountTeam);
        group.MapPost("/{id:guid}/resume", Resume).RequireAuthorization(Policies.AccountTeam);
        group.MapPost("/{id:guid}/reopen", Reopen).RequireAuthorization(Policies.AccountTeam);
        return group;
    }

    static Task<Results<Ok<RequestView>, ValidationProblem, ProblemHttpResult>> Cancel(Guid id, ActionBody? body, ClaimsPrincipal user,
        RequestsDbContext db, RequestAccess access, RequestClocks clocks, TimeProvider clock, CancellationToken cancellationToken) =>
        Act(id, body?.Reason, user, db, access, clocks, clock, (r, at) => r.Cancel(user.UserId(), at, body?.Reason), cancellationToken);

    static Task<Results<Ok<RequestView>, ValidationProblem, ProblemHttpResult>> WaitOnClient(Guid id, ActionBody? body, ClaimsPrincipal user,
        RequestsDbContext db, RequestAccess access, RequestClocks clocks, TimeProvider clock, CancellationToken cancellationToken) =>
        Act(id, body?.Reason, user, db, access, clocks, clock, (r, at) => r.WaitOnClient(user.UserId(), at, body?.Reason), cancellationToken);

    static Task<Results<Ok<RequestView>, ValidationProblem, ProblemHttpResult>> Resume(Guid id, ClaimsPrincipal user,
        RequestsDbContext db, RequestAccess access, RequestClocks clocks, TimeProvider clock, CancellationToken cancellationToken) =>
        Act(id, null, user, db, access, clocks, clock, (r, at) => r.Resume(user.UserId(), at), cancellationToken);

    static async Task<Results<Ok<RequestView>, ValidationProblem, ProblemHttpResult>> Reopen(Guid id, ReopenBody? body, ClaimsPrincipal user,
        RequestsDbContext db, RequestAccess access, RequestClocks clocks, TimeProvider clock, CancellationToken cancellationToken)
    {
        var codes = body?.Departments ?? [];
        IReadOnlyList<RequestWorkItem> reopened = [];
        // The new round's items are sent after Act has evaluated their clocks, so that their assignment carries them.
        return await Act(id, body?.Reason, user, db, access, clocks, clock, (request, at) =>
        {
            var unknown = codes.Where(c => request.WorkItems.All(w => !string.Equals(w.DepartmentCode, c, StringComparison.OrdinalIgnoreCase))).ToList();
            if (unknown.Count > 0) return Problem.Invalid("departments", $"The request was not sent to: {string.Join(", ", unknown)}.");
            var (refused, items) = request.Reopen(user.UserId(), at, body?.Reason, codes);
            reopened = items;
            return refused;
        }, cancellationToken, request =>
        {
            foreach (var item in reopened)
                db.Send(clocks.Assignment(request, item), DepartmentQueue.Name(item.DepartmentCode), clock);
        });
    }

    /// <summary>
    /// Validates the reason, loads the request if the caller may act on it, makes the move, recomputes its clocks (a pause
    /// or resume moves them), and saves it with its events. <paramref name="assign"/> sends the assignments of new work items.
    /// </summary>
    static async Task<Results<Ok<RequestView>, ValidationProblem, ProblemHttpResult>> Act(Guid id, string? reason, ClaimsPrincipal user,
        RequestsDbContext db, RequestAccess access, RequestClocks clocks, TimeProvider clock, Func<ClientRequest, DateTimeOffset, object?> move,
        CancellationToken cancellationToken, Action<ClientRequest>? assign = null)
    {
        if (reason is { Length: > ReasonMax }) return Problem.Invalid("reason", $"'reason' is longer than {ReasonMax} characters.");
        var request = await access.ForActingAsync(id, user, cancellationToken);
        if (request is null) return Problem.NotFound("Request", id);

        switch (move(request, clock.GetUtcNow()))
        {
            case TransitionRefused refused: return Refused(refused);
            case ValidationProblem invalid: return invalid;
        }
        await clocks.RefreshAsync(db, request, cancellationToken);
        assign?.Invoke(request);
        db.PublishStatusChanges(request, clock);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RequestView.From(request, clocks));
    }

    /// <summary>409 naming the state the request is in, so the caller can reload and decide.</summary>
    public static ProblemHttpResult Refused(TransitionRefused refused) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The request is not in a state that allows this.",
            detail: refused.Message, extensions: new Dictionary<string, object?> { ["currentState"] = refused.Current.ToString() });
}
