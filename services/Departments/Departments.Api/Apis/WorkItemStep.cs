using System.Security.Claims;
using ClientRequests.Departments.Data;
using ClientRequests.Departments.Domain;
using ClientRequests.Departments.Queues;
using ClientRequests.Messaging;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using StepResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<ClientRequests.Departments.Apis.WorkItemView>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace ClientRequests.Departments.Apis;

/// <summary>
/// The shape every work item step shares: check the department, load the item, apply the domain transition,
/// save it with its event (outbox) in one transaction. A concurrent change to the same item or member loses
/// on the version columns and answers 409.
/// </summary>
public sealed class WorkItemStep(DepartmentsDbContext db, TimeProvider clock, AssignmentSignal assignment)
{
    public DepartmentsDbContext Db => db;
    public TimeProvider Clock => clock;

    public async Task<StepResult> RunAsync(string code, Guid id, ClaimsPrincipal user,
        Func<WorkItem, Actor, DateTimeOffset, CancellationToken, Task<Outcome>> transition, CancellationToken cancellationToken = default)
    {
        if (!user.WorksIn(code)) return StaffAccess.NotYourDepartment(code);
        var item = await db.WorkItems.SingleOrDefaultAsync(i => i.Id == id && i.DepartmentCode == code, cancellationToken);
        if (item is null) return Problem.NotFound("Work item", id);

        var now = clock.GetUtcNow();
        var heldBefore = item.IsHeld;
        var outcome = await transition(item, new Actor(user.UserId(), user.Leads(code)), now, cancellationToken);
        if (outcome.Refusal is { } refusal) return refusal.ToProblem(item);

        db.Publish(outcome.Event!, clock);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem.Conflict("The work item was changed by someone else.",
                "Another action on this work item (or by this member) was saved first. Reload it and try again.");
        }
        // Capacity freed: waiting items of a load-aware department can be offered now.
        if (heldBefore && !item.IsHeld) assignment.Notify(code);
        return TypedResults.Ok(WorkItemView.From(item, now));
    }

    /// <summary>
    /// Refuses when <paramref name="userId"/> is no member of the department or already holds their capacity;
    /// otherwise bumps the member's version so a concurrent claim by the same member cannot also pass the check.
    /// </summary>
    public async Task<Outcome?> TakeCapacityAsync(string code, string userId, string field, CancellationToken cancellationToken)
    {
        var member = await db.Members.SingleOrDefaultAsync(m => m.DepartmentCode == code && m.UserId == userId, cancellationToken);
        if (member is null)
            return field == "member"
                ? Outcome.Refused(RefusalKind.Forbidden, field, $"You are not a member of department '{code}'; only members take work items.")
                : Outcome.Refused(RefusalKind.Invalid, field, $"'{userId}' is not a member of department '{code}'.");
        var load = await MemberLoads.ForMemberAsync(db, code, userId, cancellationToken);
        if (load >= member.Capacity)
            return Outcome.Refused(RefusalKind.Conflict, "capacity",
                $"'{userId}' already holds {load} work items, their capacity; complete or unclaim one first.");
        member.Version++;
        return null;
    }
}
