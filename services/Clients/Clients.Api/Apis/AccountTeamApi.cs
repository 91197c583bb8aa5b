using System.Security.Claims;
using ClientRequests.Clients.Data;
using ClientRequests.Clients.Domain;
using ClientRequests.Contracts.Clients;
using ClientRequests.Messaging;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientRequests.Clients.Apis;

/// <summary>The hand-over; with <see cref="Version"/> (the client's, as read) it fails with 409 if the client changed since.</summary>
public sealed record ChangeAccountManager(string? AccountManagerId, int? Version = null);

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
        ClaimsPrincipal user, ClientsDbContext db, IOptions<KnownManagers> known, IHostEnvironment environment, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors().Text(body.AccountManagerId, "accountManagerId", 100);
        if (errors.Count > 0) return Problem.Invalid(errors);
        var managerId = body.AccountManagerId!.Trim();

        var scope = await db.ScopeOfAsync(user, cancellationToken);
        var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null || !scope.Sees(client.AccountManagerId)) return Problem.NotFound("Client", id);
        if (!scope.ManagesTeamOf(client.AccountManagerId))
            return InputRules.Forbidden("Only the client's account manager or an admin hands a client to another manager.");
        if (body.Version is { } version && version != client.Version)
            return InputRules.FieldConflict("version", "The client was changed by someone else.", $"You sent version {version}; it is now {client.Version}. Reload it and try again.");
        var isExecutive = await db.ExecutiveAssignments.AnyAsync(a => a.ExecutiveId == managerId, cancellationToken);
        var isKnown = known.Value.Knows(managerId, await db.Clients.AnyAsync(c => c.AccountManagerId == managerId, cancellationToken), environment.IsDevelopment());
        if (HandOverRules.HandOver(client.AccountManagerId, managerId, isExecutive, isKnown) is { } refusal) return Refuse(refusal);
        if (await db.Clients.AnyAsync(c => c.AccountManagerId == managerId && c.NormalizedName == client.NormalizedName && c.Id != id, cancellationToken))
            return InputRules.FieldConflict("accountManagerId", "The name is taken in that book.", $"'{managerId}' already has a client named '{client.Name}'.");

        client.AccountManagerId = managerId;
        client.Touch();
        var executives = await db.ExecutivesOfAsync(managerId, cancellationToken);
        db.Publish(Changed(client.Id, managerId, executives, scope.UserId, clock), clock);
        try
        {
            if (await ClientsApi.SaveUnlessNameTakenAsync(db, managerId, client, cancellationToken) is { } taken) return taken;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another hand-over (or a team change) of this client committed first: this one and its event are not saved,
            // so every service keeps the winner's team.
            return InputRules.FieldConflict("accountManagerId", "The client's team changed meanwhile.",
                "Someone else changed this client's account team at the same time; nothing was changed. Reload it and try again.");
        }
        return TypedResults.Ok(new AccountTeamView(id, managerId, executives));
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Assign(string executiveId, AssignExecutive body,
        ClaimsPrincipal user, ClientsDbContext db, IOptions<KnownManagers> known, IHostEnvironment environment, TimeProvider clock,
        CancellationToken cancellationToken)
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
        var refusal = HandOverRules.Assign(executiveId, managerId, previous,
            managerIsExecutive: await db.ExecutiveAssignments.AnyAsync(a => a.ExecutiveId == managerId, cancellationToken),
            managerIsKnown: known.Value.Knows(managerId, await db.Clients.AnyAsync(c => c.AccountManagerId == managerId, cancellationToken), environment.IsDevelopment()),
            executiveHasBook: await db.Clients.AnyAsync(c => c.AccountManagerId == executiveId, cancellationToken));
        if (refusal is not null) return Refuse(refusal);
        if (previous == managerId) return TypedResults.NoContent();

        var now = clock.GetUtcNow();
        if (assignment is null)
            db.ExecutiveAssignments.Add(new ExecutiveAssignment { ExecutiveId = executiveId, ManagerId = managerId, ChangedBy = scope.UserId, ChangedAt = now });
        else
            (assignment.ManagerId, assignment.ChangedBy, assignment.ChangedAt) = (managerId, scope.UserId, now);
        await PublishTeamChangesAsync(db, executiveId, previous, managerId, scope.UserId, clock, cancellationToken);
        return await SaveTeamChangeAsync(db, "executiveId", cancellationToken);
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Release(string executiveId, ClaimsPrincipal user, ClientsDbContext db,
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
        return await SaveTeamChangeAsync(db, "executiveId", cancellationToken);
    }

    /// <summary>
    /// Saves an executive's move with its events. Two moves of one executive, or a move racing a hand-over of one of the
    /// manager's clients, collide here (the assignment's manager and every touched client's version are checked): the
    /// later one is a 409 and saves nothing, so no service hears of a team that never was.
    /// </summary>
    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SaveTeamChangeAsync(ClientsDbContext db, string field,
        CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.NoContent();
        }
        catch (DbUpdateException e) when (!TransientFailure.Is(e))
        {
            db.ChangeTracker.Clear();
            return InputRules.FieldConflict(field, "The team changed meanwhile.",
                "Someone else changed this executive's team, or one of the manager's clients, at the same time; nothing was changed. Try again.");
        }
    }

    static ProblemHttpResult Refuse(HandOverRules.Refusal refusal) => refusal.Status == StatusCodes.Status409Conflict
        ? InputRules.FieldConflict(refusal.Field, refusal.Title, refusal.Detail)
        : TypedResults.Problem(statusCode: refusal.Status, title: refusal.Title, detail: refusal.Detail,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [refusal.Field] = [refusal.Detail] } });

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
        // Tracked and touched: each announced client's version moves, so a hand-over of one of them at the same time
        // collides with this change instead of both announcing a team (see SaveTeamChangeAsync).
        var clients = await db.Clients.Where(c => managers.Contains(c.AccountManagerId)).ToListAsync(cancellationToken);
        foreach (var client in clients)
        {
            client.Touch();
            db.Publish(Changed(client.Id, client.AccountManagerId, teams[client.AccountManagerId], changedBy, clock), clock);
        }
    }

    static AccountTeamChanged Changed(Guid clientId, string managerId, IReadOnlyList<string> executives, string changedBy, TimeProvider clock) => new()
    {
        ClientId = clientId, AccountManagerId = managerId, AccountExecutiveIds = executives, ChangedBy = changedBy, ChangedAt = clock.GetUtcNow(),
    };
}
