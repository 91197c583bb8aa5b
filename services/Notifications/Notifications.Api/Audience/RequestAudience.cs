using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Notifications.Audience;

/// <summary>Who follows one request, from this service's own projections: its client's account team and its watchers.</summary>
public sealed record RequestAudience(TrackedRequest? Request, ClientTeam? Team, IReadOnlyList<Watch> Watches)
{
    public static async Task<RequestAudience> LoadAsync(NotificationsDbContext db, Guid requestId, Guid? clientId, CancellationToken cancellationToken)
    {
        var request = await db.TrackedRequests.AsNoTracking().SingleOrDefaultAsync(r => r.RequestId == requestId, cancellationToken);
        // Events that carry the client id find the team even when RequestSubmitted has not arrived (yet).
        var teamOf = request?.ClientId ?? clientId;
        var team = teamOf is { } id ? await db.ClientTeams.AsNoTracking().SingleOrDefaultAsync(t => t.ClientId == id, cancellationToken) : null;
        var watches = await db.Watches.AsNoTracking().Where(w => w.RequestId == requestId).ToListAsync(cancellationToken);
        return new RequestAudience(request, team, watches);
    }

    /// <summary>How texts name the request: its title and client when we saw it submitted.</summary>
    public string Label => Request is null ? "a request" : $"\"{Request.Title}\" for {Request.ClientName}";

    string ClientLabel => Request?.ClientName ?? "the client";

    /// <summary>The account team; without a known team, the manager an event names (if any) stands in for it.</summary>
    public IEnumerable<Recipient> AccountTeam(string? managerFromEvent = null)
    {
        var reason = $"you are on the account team of {ClientLabel}";
        if (Team is not null) return Team.Members().Select(id => new Recipient(id, reason));
        return managerFromEvent is null ? [] : [new Recipient(managerFromEvent, reason)];
    }

    /// <summary>Watchers whose right to read still holds: one who watched as a team member and left the team hears no more.</summary>
    public IEnumerable<Recipient> Watchers() => Watches
        .Where(w => w.Basis != WatchBasis.AccountTeam || Team?.Includes(w.UserId) == true)
        .Select(w => new Recipient(w.UserId, "you watch this request"));
}
