using System.Security.Claims;
using ClientRequests.Clients.Data;
using ClientRequests.Clients.Domain;
using ClientRequests.Contracts.Clients;
using ClientRequests.Messaging;
using ClientRequests.ServiceDefaults.Paging;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Clients.Apis;

/// <summary>Clients as their account teams see them. A client outside the caller's scope does not exist (404).</summary>
public static class ClientsApi
{
    public static RouteGroupBuilder MapClientsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/clients").WithTags("Clients");
        group.MapGet("/", ListClients).RequireAuthorization(Extensions.ClientReaderPolicy);
        group.MapGet("/{id:guid}", GetClient).RequireAuthorization(Extensions.ClientReaderPolicy);
        group.MapPost("/", RegisterClient).RequireAuthorization(Policies.AccountTeam);
        group.MapPut("/{id:guid}", UpdateClient).RequireAuthorization(Policies.AccountTeam);
        return group;
    }

    static async Task<Results<Ok<Page<ClientSummary>>, ValidationProblem>> ListClients(string? status, string? tier, string? after, int? limit,
        ClaimsPrincipal user, ClientsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        ClientStatus parsedStatus = default;
        ClientTier parsedTier = default;
        errors.Require(status is null || WireNames.TryParse(status, out parsedStatus), "status", $"'status' must be one of {WireNames.Allowed<ClientStatus>()}.");
        errors.Require(tier is null || WireNames.TryParse(tier, out parsedTier), "tier", $"'tier' must be one of {WireNames.Allowed<ClientTier>()}.");
        errors.Require(Cursor.TryDecode(after, out var cursor), "after", "'after' is not a cursor this service issued.");
        errors.Require(PageLimits.IsValid(limit), "limit", $"'limit' must be between 1 and {PageLimits.Max}.");
        if (errors.Count > 0) return Problem.Invalid(errors);

        var scope = await db.ScopeOfAsync(user, cancellationToken);
        if (!scope.SeesAll && scope.BookOf is null) return TypedResults.Ok(new Page<ClientSummary>([], null));

        var query = db.Clients.AsNoTracking();
        if (!scope.SeesAll) query = query.Where(c => c.AccountManagerId == scope.BookOf);
        if (status is not null) query = query.Where(c => c.Status == parsedStatus);
        if (tier is not null) query = query.Where(c => c.Tier == parsedTier);
        if (cursor is { } k) query = query.Where(c => c.RegisteredAt > k.At || (c.RegisteredAt == k.At && c.Id.CompareTo(k.Id) > 0));

        var take = limit ?? PageLimits.Default;
        var rows = await query.OrderBy(c => c.RegisteredAt).ThenBy(c => c.Id).Take(take + 1).ToListAsync(cancellationToken);
        var next = rows.Count > take ? new Cursor(rows[take - 1].RegisteredAt, rows[take - 1].Id).Encode() : null;
        return TypedResults.Ok(new Page<ClientSummary>(rows.Take(take).Select(c => c.ToSummary()).ToList(), next));
    }

    static async Task<Results<Ok<ClientView>, ProblemHttpResult>> GetClient(Guid id, ClaimsPrincipal user, ClientsDbContext db, CancellationToken cancellationToken)
    {
        var scope = await db.ScopeOfAsync(user, cancellationToken);
        var client = await db.Clients.AsNoTracking().Include(c => c.Contacts).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null || !scope.Sees(client.AccountManagerId)) return Problem.NotFound("Client", id);
        return TypedResults.Ok(client.ToView(await db.ExecutivesOfAsync(client.AccountManagerId, cancellationToken)));
    }

    static async Task<Results<Created<ClientView>, ValidationProblem, ProblemHttpResult>> RegisterClient(RegisterClient body,
        ClaimsPrincipal user, ClientsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        InputRules.Details(errors, body.Name, body.Industry, body.Tier, body.Status, body.Notes);
        for (var i = 0; i < (body.Contacts?.Count ?? 0); i++) InputRules.Contact(errors, body.Contacts![i], $"contacts[{i}].");
        var scope = await db.ScopeOfAsync(user, cancellationToken);
        if (scope.IsAdmin) errors.Text(body.AccountManagerId, "accountManagerId", 100);
        if (errors.Count > 0) return Problem.Invalid(errors);

        string managerId;
        if (scope.IsAdmin) managerId = body.AccountManagerId!.Trim();
        else if (scope.BookOf is null)
            return InputRules.FieldConflict("accountManagerId", "You report to no account manager.",
                "An account executive registers clients for the manager they report to; ask an admin or a manager to add you to a team.");
        else if (body.AccountManagerId is not null && body.AccountManagerId != scope.BookOf)
            return InputRules.Forbidden($"You may register clients only in the book of '{scope.BookOf}'.");
        else managerId = scope.BookOf;

        if (await db.ExecutiveAssignments.AnyAsync(a => a.ExecutiveId == managerId, cancellationToken))
            return Problem.Invalid("accountManagerId", $"'{managerId}' is an account executive, not an account manager.");
        var normalized = Client.Normalize(body.Name!);
        if (await db.Clients.AnyAsync(c => c.AccountManagerId == managerId && c.NormalizedName == normalized, cancellationToken))
            return InputRules.FieldConflict("name", "The name is taken.", $"'{managerId}' already has a client named '{body.Name!.Trim()}'.");

        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        var client = new Client
        {
            Id = id, Name = body.Name!.Trim(), Industry = body.Industry!.Trim(), AccountManagerId = managerId, RegisteredAt = now,
            Tier = body.Tier is null ? ClientTier.Standard : Enum.Parse<ClientTier>(body.Tier, ignoreCase: true),
            Status = body.Status is null ? ClientStatus.Prospect : Enum.Parse<ClientStatus>(body.Status, ignoreCase: true),
            Notes = InputRules.Blank(body.Notes),
            Contacts = (body.Contacts ?? []).Select(c => InputRules.NewContact(id, c)).ToList(),
        };
        client.Touch();
        db.Clients.Add(client);
        var executives = await db.ExecutivesOfAsync(managerId, cancellationToken);
        db.Publish(new ClientRegistered
        {
            ClientId = id, Name = client.Name, Industry = client.Industry, Tier = WireNames.Name(client.Tier),
            Status = WireNames.Name(client.Status), AccountManagerId = managerId, AccountExecutiveIds = executives,
            RegisteredBy = scope.UserId, RegisteredAt = now,
        }, clock);
        if (await SaveUnlessNameTakenAsync(db, managerId, client, cancellationToken) is { } taken) return taken;
        return TypedResults.Created($"/api/clients/{id}", client.ToView(executives));
    }

    static async Task<Results<Ok<ClientView>, ValidationProblem, ProblemHttpResult>> UpdateClient(Guid id, UpdateClient body,
        ClaimsPrincipal user, ClientsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        InputRules.Details(errors, body.Name, body.Industry, body.Tier, body.Status, body.Notes);
        errors.Require(body.Version is not null, "version", "'version' is required: send the version you read, so a concurrent change is not overwritten.");
        if (errors.Count > 0) return Problem.Invalid(errors);

        var scope = await db.ScopeOfAsync(user, cancellationToken);
        var client = await db.Clients.Include(c => c.Contacts).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (client is null || !scope.Sees(client.AccountManagerId)) return Problem.NotFound("Client", id);
        if (!scope.ActsFor(client.AccountManagerId)) return InputRules.Forbidden("You may read this client but not change it.");
        if (client.Version != body.Version)
            return InputRules.FieldConflict("version", "The client was changed by someone else.", $"You sent version {body.Version}; it is now {client.Version}. Reload it and try again.");
        var normalized = Client.Normalize(body.Name!);
        if (await db.Clients.AnyAsync(c => c.AccountManagerId == client.AccountManagerId && c.NormalizedName == normalized && c.Id != id, cancellationToken))
            return InputRules.FieldConflict("name", "The name is taken.", $"'{client.AccountManagerId}' already has a client named '{body.Name!.Trim()}'.");

        client.Name = body.Name!.Trim();
        client.Industry = body.Industry!.Trim();
        if (body.Tier is not null) client.Tier = Enum.Parse<ClientTier>(body.Tier, ignoreCase: true);
        if (body.Status is not null) client.Status = Enum.Parse<ClientStatus>(body.Status, ignoreCase: true);
        client.Notes = InputRules.Blank(body.Notes);
        client.Touch();
        var now = clock.GetUtcNow();
        db.Publish(new ClientUpdated
        {
            ClientId = id, Name = client.Name, Industry = client.Industry, Tier = WireNames.Name(client.Tier),
            Status = WireNames.Name(client.Status), Version = client.Version, UpdatedBy = scope.UserId, UpdatedAt = now,
        }, clock);
        if (await SaveUnlessNameTakenAsync(db, client.AccountManagerId, client, cancellationToken) is { } taken) return taken;
        return TypedResults.Ok(client.ToView(await db.ExecutivesOfAsync(client.AccountManagerId, cancellationToken)));
    }

    /// <summary>
    /// The name check before saving leaves a window for two editors at once; the unique index closes it, and its
    /// violation is answered with the same 409 rather than the 503 a database error would otherwise become.
    /// </summary>
    internal static async Task<ProblemHttpResult?> SaveUnlessNameTakenAsync(ClientsDbContext db, string managerId, Client client,
        CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var normalized = client.NormalizedName;
            if (!await db.Clients.AnyAsync(c => c.AccountManagerId == managerId && c.NormalizedName == normalized && c.Id != client.Id, cancellationToken))
                throw;
            return InputRules.FieldConflict("name", "The name is taken.", $"'{managerId}' already has a client named '{client.Name}'.");
        }
    }
}
