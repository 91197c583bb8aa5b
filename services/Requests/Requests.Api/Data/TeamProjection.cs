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
}
