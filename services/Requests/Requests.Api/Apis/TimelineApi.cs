using System.Security.Claims;
using ClientRequests.Contracts.Requests;
using ClientRequests.Messaging;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Sla;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Requests.Apis;

public sealed record CommentBody(string? Text, string? Visibility);

public sealed record SatisfactionBody(int? Score, string? Comment);

public sealed record TimelineEntryView(Guid Id, DateTimeOffset At, string Kind, string ActorId, Guid? WorkItemId, string? DepartmentCode,
    string? Status, string? Text, string Visibility, string? Before = null, string? After = null)
{
    public static TimelineEntryView From(TimelineEntry e) =>
        new(e.Id, e.At, e.Kind, e.ActorId, e.WorkItemId, e.DepartmentCode, e.Status?.ToString(), e.Text, e.Visibility.ToString().ToLowerInvariant(),
            e.Before, e.After);
}

/// <summary>The request's timeline, comments on it, and the client's satisfaction score.</summary>
public static class TimelineApi
{
    public const int CommentMax = 4000;

    public static RouteGroupBuilder MapTimelineApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/timeline", GetTimeline).RequireAuthorization(Policies.Reader);
        group.MapPost("/{id:guid}/comments", AddComment).RequireAuthorization(Policies.AnyUser);
        group.MapPost("/{id:guid}/satisfaction", RecordSatisfaction).RequireAuthorization(Policies.AccountTeam);
        return group;
    }

    static async Task<Results<Ok<List<TimelineEntryView>>, ProblemHttpResult>> GetTimeline(Guid id, ClaimsPrincipal user,
        RequestsDbContext db, RequestAccess access, CancellationToken cancellationToken)
    {
        if (await access.ForReadingAsync(id, user, cancellationToken) is null) return Problem.NotFound("Request", id);
        return TypedResults.Ok(await Timeline.ReadAsync(db, id, cancellationToken));
    }

    /// <summary>The account team comments for the client or internally; department staff with a work item, internally.</summary>
    static async Task<Results<Created<TimelineEntryView>, ValidationProblem, ProblemHttpResult>> AddComment(Guid id, CommentBody body,
        ClaimsPrincipal user, RequestsDbContext db, RequestAccess access, RequestClocks clocks, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors().Text(body.Text, "text", CommentMax);
        var visibility = Visibility.Internal;
        if (body.Visibility is not null)
            errors.Require(Enum.TryParse(body.Visibility, ignoreCase: true, out visibility) && !int.TryParse(body.Visibility, out _),
                "visibility", "'visibility' must be one of internal, client.");
        if (errors.Count > 0) return Problem.Invalid(errors);

        var request = await access.ForReadingAsync(id, user, cancellationToken);
        if (request is null) return Problem.NotFound("Request", id);
        // An analyst reads every request, so hiding this one would be a lie: they may read it but not write on it (ADR 0004's rule).
        if (user.IsInRole(Roles.Analyst) && !user.IsAdmin())
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Analysts do not comment.",
                detail: "Analysts read requests; the account team and the departments working on it write on it.");
        var onTeam = await access.IsOnTeamAsync(user, request.ClientId, cancellationToken);
        if (!onTeam && visibility == Visibility.Client)
            return Problem.Invalid("visibility", "Only the client's account team writes comments the client sees.");

        var entry = request.Comment(body.Text!.Trim(), visibility, user.UserId(), clock.GetUtcNow());
        db.Publish(new CommentAdded
        {
            RequestId = request.Id, ClientId = request.ClientId, EntryId = entry.Id, AuthorId = entry.ActorId,
            Text = entry.Text ?? "", Visibility = visibility.ToString().ToLowerInvariant(), At = entry.At,
        }, clock);
        // A comment the client sees is the first response: its clock stops.
        if (visibility == Visibility.Client) await clocks.RefreshAsync(db, request, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/requests/{id}/timeline", TimelineEntryView.From(entry));
    }

    static async Task<Results<Ok<RequestView>, ValidationProblem, ProblemHttpResult>> RecordSatisfaction(Guid id, SatisfactionBody body,
        ClaimsPrincipal user, RequestsDbContext db, RequestAccess access, RequestClocks clocks, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Require(body.Score is >= 1 and <= 5, "score", "'score' is required and is 1 to 5.")
            .Text(body.Comment, "comment", ClientRequest.CommentMax, required: false);
        if (errors.Count > 0) return Problem.Invalid(errors);

        var request = await access.ForActingAsync(id, user, cancellationToken);
        if (request is null) return Problem.NotFound("Request", id);
        var now = clock.GetUtcNow();
        if (request.RecordSatisfaction(body.Score!.Value, body.Comment, user.UserId(), now) is { } refused) return LifecycleApi.Refused(refused);

        db.Publish(new SatisfactionRecorded
        {
            RequestId = request.Id, ClientId = request.ClientId, Type = request.Type, Score = body.Score.Value,
            Comment = body.Comment, RecordedBy = user.UserId(), RecordedAt = now,
        }, clock);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(RequestView.From(request, clocks));
    }
}

public static class Timeline
{
    public static async Task<List<TimelineEntryView>> ReadAsync(RequestsDbContext db, Guid requestId, CancellationToken cancellationToken) =>
        (await db.Timeline.AsNoTracking().Where(t => t.RequestId == requestId).OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(cancellationToken))
            .Select(TimelineEntryView.From).ToList();
}
