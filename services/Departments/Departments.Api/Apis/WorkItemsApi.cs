using ClientRequests.Contracts.Departments;
using System.Security.Claims;
using ClientRequests.Departments.Data;
using ClientRequests.Departments.Domain;
using ClientRequests.Departments.Queues;
using ClientRequests.Messaging;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using StepResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<ClientRequests.Departments.Apis.WorkItemView>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace ClientRequests.Departments.Apis;

/// <summary>Working one item of a department's queue: each step is a transition, saved with its event in one transaction.</summary>
public static class WorkItemsApi
{
    public static RouteGroupBuilder MapWorkItemsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/departments/{code}/queue/{id:guid}").WithTags("Work queue");
        group.MapGet("/", Get).RequireAuthorization(Policies.DepartmentStaff);
        group.MapPost("/claim", Claim).RequireAuthorization(Policies.DepartmentStaff);
        group.MapPost("/unclaim", Unclaim).RequireAuthorization(Policies.DepartmentStaff);
        group.MapPost("/start", Start).RequireAuthorization(Policies.DepartmentStaff);
        group.MapPost("/complete", Complete).RequireAuthorization(Policies.DepartmentStaff);
        group.MapPost("/reject", Reject).RequireAuthorization(Policies.DepartmentStaff);
        group.MapPost("/hand-over", HandOver).RequireAuthorization(Policies.DepartmentStaff);
        group.MapPost("/reassign", Reassign).RequireAuthorization(Policies.DepartmentLead);
        return group;
    }

    public sealed record CompleteBody(string? ResolutionNote);
    public sealed record RejectBody(string? Reason);
    public sealed record HandOverBody(string? ToDepartmentCode);
    public sealed record ReassignBody(string? UserId);

    static async Task<StepResult> Get(string code, Guid id, ClaimsPrincipal user, DepartmentsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!user.WorksIn(code)) return StaffAccess.NotYourDepartment(code);
        var item = await db.WorkItems.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id && i.DepartmentCode == code, cancellationToken);
        return item is null ? Problem.NotFound("Work item", id) : TypedResults.Ok(WorkItemView.From(item, clock.GetUtcNow()));
    }

    static Task<StepResult> Claim(string code, Guid id, ClaimsPrincipal user, WorkItemStep step) =>
        step.RunAsync(code, id, user, async (item, actor, now, ct) =>
            item.Status != WorkItemStatus.Queued
                ? item.Claim(actor.UserId, now)
                : await step.TakeCapacityAsync(code, actor.UserId, "member", ct) ?? item.Claim(actor.UserId, now));

    static Task<StepResult> Unclaim(string code, Guid id, ClaimsPrincipal user, WorkItemStep step) =>
        step.RunAsync(code, id, user, (item, actor, now, _) => Task.FromResult(item.Unclaim(actor, now)));

    static Task<StepResult> Start(string code, Guid id, ClaimsPrincipal user, WorkItemStep step) =>
        step.RunAsync(code, id, user, (item, actor, now, _) => Task.FromResult(item.Start(actor, now)));

    static Task<StepResult> Complete(string code, Guid id, CompleteBody body, ClaimsPrincipal user, WorkItemStep step) =>
        step.RunAsync(code, id, user, (item, actor, now, _) => Task.FromResult(item.Complete(actor, body.ResolutionNote, now)));

    static Task<StepResult> Reject(string code, Guid id, RejectBody body, ClaimsPrincipal user, WorkItemStep step) =>
        step.RunAsync(code, id, user, (item, actor, now, _) => Task.FromResult(item.Reject(actor, body.Reason, now)));

    static Task<StepResult> HandOver(string code, Guid id, HandOverBody body, ClaimsPrincipal user, WorkItemStep step) =>
        step.RunAsync(code, id, user, async (item, actor, now, ct) =>
        {
            var codes = await step.Db.Departments.Select(d => d.Code).ToListAsync(ct);
            // The target's own spelling of its code names its queue.
            var target = codes.FirstOrDefault(c => string.Equals(c, body.ToDepartmentCode, StringComparison.OrdinalIgnoreCase)) ?? body.ToDepartmentCode;
            var outcome = item.HandOver(actor, target, codes.Contains, Guid.CreateVersion7(now), now);
            if (outcome.Refusal is null) step.Db.Send(item.HandOverCommand(now), DepartmentQueue.Name(target!), step.Clock);
            return outcome;
        });

    static Task<StepResult> Reassign(string code, Guid id, ReassignBody body, ClaimsPrincipal user, WorkItemStep step) =>
        step.RunAsync(code, id, user, async (item, actor, now, ct) =>
        {
            if (!actor.IsLead) return item.Reassign(actor, "", now);
            if (string.IsNullOrWhiteSpace(body.UserId)) return Outcome.Refused(RefusalKind.Invalid, "userId", "'userId' is required.");
            if (item.IsHeld && item.ClaimedBy == body.UserId) return item.Reassign(actor, body.UserId, now);
            return await step.TakeCapacityAsync(code, body.UserId, "userId", ct) ?? item.Reassign(actor, body.UserId, now);
        });
}
