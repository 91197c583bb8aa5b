using System.Security.Claims;
using ClientRequests.Clients.Data;
using ClientRequests.Clients.Domain;
using ClientRequests.Contracts.Clients;
using ClientRequests.Messaging;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Clients.Apis;

public sealed record ChangeAccountManager(string? AccountManagerId);

public sealed record AssignExecutive(string? ManagerId);

/// <summary>
/// Who serves a client: its account manager, and the executives reporting to that manager. Changing either
/// announces <see cref="AccountTeamChanged"/> for every client whose team changed.
/// </summary>
public static class AccountTeamApi
{
    public static RouteGroupBuilder MapAccountTeamApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/clients").WithTags("Account teams");
        group.MapGet("/{id:guid}/team", GetTeam).RequireAuthorization(Extensions.ClientReaderPolicy);
        group.MapPut("/{id:guid}/account-manager", ChangeManager).RequireAuthorization(Policies.AccountTeam);
        group.MapPut("/account-executives/{executiveId}", Assign).RequireAuthorization(Policies.AccountTeam);
        group.MapDelete("/account-executives/{executiveId}", Release).RequireAuthorization(Policies.AccountTeam);
        return group;
    }

    static async Task<Results<Ok<AccountTeamView>, ProblemHttpResult>> GetTeam(Guid id, ClaimsPrincipal user, ClientsDbContext db, CancellationToken cancellationToken)
    {
        var scope = await db.ScopeOfAsync(user, cancellationToken);
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null || !scope.Sees(client.AccountManagerId)) return Problem.NotFound("Client", id);
        return TypedResults.Ok(new AccountTeamView(id, client.AccountManagerId, await db.ExecutivesOfAsync(client.AccountManagerId, cancellationToken)));
    }

    static async Task<Results<Ok<AccountTeamView>, ValidationProblem, ProblemHttpResult>> ChangeManager(Guid id, ChangeAccountManager body,
        ClaimsPrincipal user, ClientsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors().Text(body.AccountManagerId, "accountManagerId", 100);
        if (errors.Count > 0) return Problem.Invalid(errors);
        var managerId = body.AccountManagerId!.Trim();

        var scope = await db.ScopeOfAsync(user, cancellationToken);
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null || !scope.Sees(client.AccountManagerId)) return Problem.NotFound("Client", id);
        if (!scope.ManagesTeamOf(client.AccountManagerId))
            return InputRules.Forbidden("Only the client's account manager or an admin hands a client to another manager.");
        if (await db.ExecutiveAssignments.AnyAsync(a => a.ExecutiveId == managerId, cancellationToken))
            return Problem.Invalid("accountManagerId", $"'{managerId}' is an account executive, not an account manager.");
        if (await db.Clients.AnyAsync(c => c.AccountManagerId == managerId && c.NormalizedName == client.NormalizedName && c.Id != id, cancellationToken))
            return InputRules.FieldConflict("accountManagerId", "The name is taken in that book.", $"'{managerId}' already has a client named '{client.Name}'.");

        client.AccountManagerId = managerId;
        client.Touch();
        var executives = await db.ExecutivesOfAsync(managerId, cancellationToken);
        db.Publish(Changed(client.Id, managerId, executives, scope.UserId, clock), clock);
        if (await ClientsApi.SaveUnlessNameTakenAsync(db, managerId, client, cancellationToken) is { } taken) return taken;
        return TypedResults.Ok(new AccountTeamView(id, managerId, executives));
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Assign(string executiveId, AssignExecutive body,
        ClaimsPrincipal user, ClientsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors().Text(body.ManagerId, "managerId", 100).Text(executiveId, "executiveId", 100);
        if (errors.Count > 0) return Problem.Invalid(errors);
        var managerId = body.ManagerId!.Trim();
        errors.Require(managerId != executiveId, "managerId", "An executive cannot report to themselves.");
        if (errors.Count > 0) return Problem.Invalid(errors);

        var scope = await db.ScopeOfAsync(user, cancellationToken);
        var assignment = await db.ExecutiveAssignments.SingleOrDefaultAsync(a => a.ExecutiveId == executiveId, cancellationToken);
        var previous = assignment?.ManagerId;
        // A manager takes on an executive nobody has, or keeps their own; moving one between managers is an admin's call.
        var allowed = scope.IsAdmin || (scope.ManagesTeamOf(managerId) && (previous is null || previous == managerId));
        if (!allowed) return InputRules.Forbidden("Managers add to their own team only executives who report to nobody; an admin moves the others.");
        if (await db.ExecutiveAssignments.AnyAsync(a => a.ExecutiveId == managerId, cancellationToken))
            return Problem.Invalid("managerId", $"'{managerId}' is an account executive, not an account manager.");
        if (await db.Clients.AnyAsync(c => c.AccountManagerId == executiveId, cancellationToken))
            return Problem.Invalid("executiveId", $"'{executiveId}' is the account manager of clients; hand those over first.");
        if (previous == managerId) return TypedResults.NoContent();

        var now = clock.GetUtcNow();
        if (assignment is null)
            db.ExecutiveAssignments.Add(new ExecutiveAssignment { ExecutiveId = executiveId, ManagerId = managerId, ChangedBy = scope.UserId, ChangedAt = now });
        else
            (assignment.ManagerId, assignment.ChangedBy, assignment.ChangedAt) = (managerId, scope.UserId, now);
        await PublishTeamChangesAsync(db, executiveId, previous, managerId, scope.UserId, clock, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    static async Task<Results<NoContent, ProblemHttpResult>> Release(string executiveId, ClaimsPrincipal user, ClientsDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var scope = await db.ScopeOfAsync(user, cancellationToken);
        var assignment = await db.ExecutiveAssignments.SingleOrDefaultAsync(a => a.ExecutiveId == executiveId && a.ManagerId != null, cancellationToken);
        // An executive of another team is not revealed: 404, as for a team that has no such executive.
        if (assignment is null || !(scope.IsAdmin || scope.ManagesTeamOf(assignment.ManagerId!) || scope.Sees(assignment.ManagerId!)))
            return Problem.NotFound("Account executive", executiveId);
        if (!scope.IsAdmin && !scope.ManagesTeamOf(assignment.ManagerId!))
            return InputRules.Forbidden("Only the executive's manager or an admin changes whom they report to.");

        var previous = assignment.ManagerId;
        (assignment.ManagerId, assignment.ChangedBy, assignment.ChangedAt) = (null, scope.UserId, clock.GetUtcNow());
        await PublishTeamChangesAsync(db, executiveId, previous, null, scope.UserId, clock, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// One event per client of the managers whose team changed, added before the single SaveChanges so the change
    /// and its events commit together. The teams are read as stored and then moved by the one executive.
    /// </summary>
    static async Task PublishTeamChangesAsync(ClientsDbContext db, string executiveId, string? from, string? to, string changedBy,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var managers = new[] { from, to }.OfType<string>().Distinct().ToList();
        var teams = await db.ExecutivesByManagerAsync(managers, cancellationToken);
        foreach (var manager in managers)
        {
            var team = teams.GetValueOrDefault(manager) ?? [];
            team.Remove(executiveId);
            if (manager == to) team.Add(executiveId);
            teams[manager] = team.Order(StringComparer.Ordinal).ToList();
        }
        var clients = await db.Clients.AsNoTracking().Where(c => managers.Contains(c.AccountManagerId))
            .Select(c => new { c.Id, c.AccountManagerId }).ToListAsync(cancellationToken);
        foreach (var client in clients)
            db.Publish(Changed(client.Id, client.AccountManagerId, teams[client.AccountManagerId], changedBy, clock), clock);
    }

    static AccountTeamChanged Changed(Guid clientId, string managerId, IReadOnlyList<string> executives, string changedBy, TimeProvider clock) => new()
    {
        ClientId = clientId, AccountManagerId = managerId, AccountExecutiveIds = executives, ChangedBy = changedBy, ChangedAt = clock.GetUtcNow(),
    };
}
