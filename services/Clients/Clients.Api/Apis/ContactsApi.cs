using System.Security.Claims;
using ClientRequests.Clients.Data;
using ClientRequests.Clients.Domain;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Clients.Apis;

/// <summary>The people at a client the account team talks to. Same access as the client itself.</summary>
public static class ContactsApi
{
    public static RouteGroupBuilder MapContactsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/clients/{clientId:guid}/contacts").WithTags("Contacts");
        group.MapGet("/", ListContacts).RequireAuthorization(Extensions.ClientReaderPolicy);
        group.MapPost("/", AddContact).RequireAuthorization(Policies.AccountTeam);
        group.MapPut("/{contactId:guid}", UpdateContact).RequireAuthorization(Policies.AccountTeam);
        group.MapDelete("/{contactId:guid}", RemoveContact).RequireAuthorization(Policies.AccountTeam);
        return group;
    }

    static async Task<Results<Ok<List<ContactView>>, ProblemHttpResult>> ListContacts(Guid clientId, ClaimsPrincipal user,
        ClientsDbContext db, CancellationToken cancellationToken)
    {
        var (client, denied) = await FindAsync(clientId, user, db, forChange: false, cancellationToken);
        if (client is null) return denied!;
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.ClientId == clientId).ToListAsync(cancellationToken);
        return TypedResults.Ok(contacts.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => c.ToView()).ToList());
    }

    static async Task<Results<Created<ContactView>, ValidationProblem, ProblemHttpResult>> AddContact(Guid clientId, ContactInput body,
        ClaimsPrincipal user, ClientsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        InputRules.Contact(errors, body, "");
        if (errors.Count > 0) return Problem.Invalid(errors);
        var (client, denied) = await FindAsync(clientId, user, db, forChange: true, cancellationToken);
        if (client is null) return denied!;

        var contact = InputRules.NewContact(clientId, body);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/clients/{clientId}/contacts/{contact.Id}", contact.ToView());
    }

    static async Task<Results<Ok<ContactView>, ValidationProblem, ProblemHttpResult>> UpdateContact(Guid clientId, Guid contactId,
        ContactInput body, ClaimsPrincipal user, ClientsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        InputRules.Contact(errors, body, "");
        if (errors.Count > 0) return Problem.Invalid(errors);
        var (client, denied) = await FindAsync(clientId, user, db, forChange: true, cancellationToken);
        if (client is null) return denied!;

        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == contactId && c.ClientId == clientId, cancellationToken);
        if (contact is null) return Problem.NotFound("Contact", contactId);
        contact.Name = body.Name!.Trim();
        contact.Role = InputRules.Blank(body.Role);
        contact.Email = InputRules.Blank(body.Email);
        contact.Phone = InputRules.Blank(body.Phone);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(contact.ToView());
    }

    static async Task<Results<NoContent, ProblemHttpResult>> RemoveContact(Guid clientId, Guid contactId, ClaimsPrincipal user,
        ClientsDbContext db, CancellationToken cancellationToken)
    {
        var (client, denied) = await FindAsync(clientId, user, db, forChange: true, cancellationToken);
        if (client is null) return denied!;
        var removed = await db.Contacts.Where(c => c.Id == contactId && c.ClientId == clientId).ExecuteDeleteAsync(cancellationToken);
        return removed == 0 ? Problem.NotFound("Contact", contactId) : TypedResults.NoContent();
    }

    /// <summary>The client if the caller may see it (and act for it when changing); else the 404 or 403 to answer.</summary>
    static async Task<(Client? Client, ProblemHttpResult? Denied)> FindAsync(Guid clientId, ClaimsPrincipal user, ClientsDbContext db,
        bool forChange, CancellationToken cancellationToken)
    {
        var scope = await db.ScopeOfAsync(user, cancellationToken);
        var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null || !scope.Sees(client.AccountManagerId)) return (null, Problem.NotFound("Client", clientId));
        if (forChange && !scope.ActsFor(client.AccountManagerId)) return (null, InputRules.Forbidden("You may read this client but not change it."));
        return (client, null);
    }
}
