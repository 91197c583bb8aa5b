using System.Security.Claims;
using ClientRequests.Contracts.Departments;
using ClientRequests.Contracts.Requests;
using ClientRequests.Departments.Grpc;
using ClientRequests.Messaging;
using ClientRequests.Requests.Data;
using ClientRequests.Requests.Domain;
using ClientRequests.Requests.Sla;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Requests.Apis;

/// <summary>
/// PATCH /api/requests/{id}: edits an open request — fields, added and withdrawn departments — guarded by the version the
/// caller read, with its clocks recomputed (ADR 0028). All or nothing: a refused part writes nothing.
/// </summary>
public static class EditRequest
{
    public static async Task<Results<Ok<RequestView>, ValidationProblem, ProblemHttpResult>> Handle(Guid id, RequestChangesBody body,
        [FromHeader(Name = "If-Match")] string? ifMatch, ClaimsPrincipal user, HttpContext http, RequestsDbContext db, RequestAccess access,
        RequestClocks clocks, DepartmentRouting.DepartmentRoutingClient routing, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var errors = body.Validate(now);
        int? matched = null;
        if (ifMatch is not null)
        {
            matched = RequestVersion.Parse(ifMatch);
            errors.Require(matched is not null, "If-Match", "'If-Match' is the request's version as its ETag gives it, such as \"3\".");
        }
        errors.Require(matched is not null || body.Version is not null || ifMatch is not null, "version",
            "Send the version you read, as 'If-Match' or 'version': an edit must not overwrite changes you have not seen.");
        errors.Require(matched is null || body.Version is null || matched == body.Version, "version", "'If-Match' and 'version' disagree.");
        if (errors.Count > 0) return Problem.Invalid(errors);

        var request = await access.ForActingAsync(id, user, cancellationToken);
        if (request is null) return Problem.NotFound("Request", id);
        var expected = matched ?? body.Version!.Value;
        if (request.Version != expected) return Stale(request.Version, expected, viaHeader: matched is not null);
        if (!request.IsOpen) return LifecycleApi.Refused(new TransitionRefused(request.Status, "edited"));

        var actor = user.UserId();
        var added = new List<RequestWorkItem>();
        if (body.AddDepartments is { Count: > 0 } codes)
        {
            ResolveRouteReply route;
            try
            {
                route = await routing.ResolveAsync(new ResolveRouteRequest
                {
                    RequestType = request.Type, Priority = request.Priority.ToString(), ExplicitDepartmentCodes = { codes },
                }, cancellationToken: cancellationToken);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal)
            {
                return Problem.Unavailable("The departments service is unavailable.", "Nothing was changed. Try again shortly.");
            }
            if (route.UnknownDepartmentCodes.Count > 0)
                return Problem.Invalid("addDepartments", $"Unknown departments: {string.Join(", ", route.UnknownDepartmentCodes)}.");
            foreach (var department in route.Departments.DistinctBy(d => d.Code))
            {
                if (request.AddDepartment(department.Code, department.Name, actor, now) is not { } item)
                    return Problem.Invalid("addDepartments", $"'{department.Code}' already has open work on this request.");
                added.Add(item);
            }
        }
        var withdrawn = new List<RequestWorkItem>();
        foreach (var code in body.WithdrawDepartments ?? [])
        {
            var (refused, item) = request.WithdrawDepartment(code, actor, now);
            if (refused is not null)
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This department's part cannot be withdrawn.",
                    detail: refused.Message, extensions: new Dictionary<string, object?>
                    {
                        ["field"] = "withdrawDepartments", ["departmentCode"] = refused.DepartmentCode, ["workItemState"] = refused.State?.ToString(),
                    });
            withdrawn.Add(item!);
        }
        var before = request.Timeline.Count;
        request.Edit(body.Changes(), actor, now);
        var changed = request.Timeline.Skip(before).Where(e => e.Kind == TimelineKinds.Edited).Select(e => e.Text!).ToList();
        // A withdrawal can leave every remaining part done.
        request.RollUp(now);

        await clocks.RefreshAsync(db, request, cancellationToken);
        foreach (var item in added) db.Send(clocks.Assignment(request, item), DepartmentQueue.Name(item.DepartmentCode), clock);
        foreach (var item in withdrawn)
            db.Publish(new WorkItemWithdrawn { WorkItemId = item.Id, RequestId = request.Id, DepartmentCode = item.DepartmentCode, ActorId = actor, WithdrawnAt = now }, clock);
        if (changed.Count > 0)
            db.Publish(new RequestEdited
            {
                RequestId = request.Id, ClientId = request.ClientId, Version = request.Version, Priority = request.Priority.ToString(),
                Title = request.Title, Description = request.Description, Tags = request.Tags, WantedBy = request.WantedBy, Changed = changed,
                EditedBy = actor, EditedAt = now,
            }, clock);
        db.PublishStatusChanges(request, clock);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A department's event moved the request between our read and our write: the caller's version is stale now.
            return Stale(expected + 1, expected, viaHeader: matched is not null);
        }
        http.Response.Headers.ETag = RequestVersion.ETag(request.Version);
        return TypedResults.Ok(RequestView.From(request, clocks));
    }

    /// <summary>412 for a stale If-Match (HTTP's own precondition), 409 for a stale version field; both name the current version.</summary>
    static ProblemHttpResult Stale(int current, int sent, bool viaHeader) =>
        TypedResults.Problem(statusCode: viaHeader ? StatusCodes.Status412PreconditionFailed : StatusCodes.Status409Conflict,
            title: "The request changed since you read it.",
            detail: $"You sent version {sent}; the request is at version {current} or later. Read it again and repeat your edit.",
            extensions: new Dictionary<string, object?> { ["field"] = viaHeader ? "If-Match" : "version", ["currentVersion"] = current, ["sentVersion"] = sent });
}
