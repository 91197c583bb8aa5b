using System.Collections.Concurrent;
using ClientRequests.Clients.Data;
using ClientRequests.Clients.Domain;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Clients.Names;

/// <summary>
/// Keeps the names of account managers and executives as their tokens carry them, so a client's team can be shown by
/// name (ADR 0035). A process writes a person once per name it has not seen: a call costs a dictionary lookup, not a
/// query. Conventional middleware is a singleton, so the dictionary lives as long as the process.
/// </summary>
public sealed class PeopleRecorder(RequestDelegate next, TimeProvider clock, ILogger<PeopleRecorder> logger)
{
    readonly ConcurrentDictionary<string, string> known = new(StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context, ClientsDbContext db)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && (user.IsInRole(Roles.AccountManager) || user.IsInRole(Roles.AccountExecutive))
            && user.UserId() is { Length: > 0 and <= Person.IdMaxLength } id
            && user.FindFirst(PlatformClaims.Name)?.Value.Trim() is { Length: > 0 } name
            && (!known.TryGetValue(id, out var seen) || seen != name))
            await RecordAsync(db, id, name[..Math.Min(name.Length, Person.NameMaxLength)], context.RequestAborted);
        await next(context);
    }

    async Task RecordAsync(ClientsDbContext db, string id, string name, CancellationToken cancellationToken)
    {
        try
        {
            var person = await db.People.SingleOrDefaultAsync(p => p.UserId == id, cancellationToken);
            if (person is null) db.People.Add(new Person { UserId = id, Name = name, SeenAt = clock.GetUtcNow() });
            else if (person.Name != name) (person.Name, person.SeenAt) = (name, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            known[id] = name;
        }
        catch (DbUpdateException e)
        {
            // Another call (or replica) wrote the same person a moment ago; the name is there either way, next call retries.
            logger.LogDebug(e, "Recording the name of {UserId} collided with another write.", id);
        }
        finally
        {
            // The call itself starts with a clean context: nothing of this write stays tracked.
            db.ChangeTracker.Clear();
        }
    }
}
