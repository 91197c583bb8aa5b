using ClientRequests.Requests.Domain.Teams;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Requests.Data;

/// <summary>Writes a team into the projection; the consumers and the rebuild share it, and the caller saves.</summary>
public static class TeamProjection
{
    public static async Task<bool> ApplyAsync(this RequestsDbContext db, Guid clientId, string accountManagerId, IEnumerable<string> executiveIds,
        DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var team = await db.ClientTeams.Include(t => t.Members).SingleOrDefaultAsync(t => t.ClientId == clientId, cancellationToken);
        if (team is null) db.ClientTeams.Add(team = new ClientTeam { ClientId = clientId });
        return team.Apply(accountManagerId, executiveIds, asOf);
    }

    /// <summary>
    /// A client registered a moment ago may reach intake before its ClientRegistered event reaches this service: then
    /// the team the directory just answered is written at once, stamped older than any event or rebuild, so the first
    /// request is visible to its team when it is read back and the event still replaces the row when it lands. Saved on
    /// its own (a row the event wrote meanwhile wins), so the request's transaction never fails on it.
    /// </summary>
    public static async Task SeedIfUnknownAsync(this RequestsDbContext db, Guid clientId, string accountManagerId, IEnumerable<string> executiveIds,
        CancellationToken cancellationToken)
    {
        if (await db.ClientTeams.AnyAsync(t => t.ClientId == clientId, cancellationToken)) return;
        var team = new ClientTeam { ClientId = clientId };
        team.Apply(accountManagerId, executiveIds, DateTimeOffset.MinValue.AddTicks(1));
        db.ClientTeams.Add(team);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(team).State = EntityState.Detached;
            foreach (var member in team.Members) db.Entry(member).State = EntityState.Detached;
        }
    }
}
