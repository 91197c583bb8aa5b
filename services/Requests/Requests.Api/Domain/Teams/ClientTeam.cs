namespace ClientRequests.Requests.Domain.Teams;

/// <summary>
/// This service's copy of a client's current account team, fed by the clients service's events and rebuilt from its
/// directory (ADR 0029). The clients service owns the rule; this copy only says who is on the team now, so that the
/// request lists can filter on it inside their index scans instead of asking the directory per request.
/// </summary>
public sealed class ClientTeam
{
    public required Guid ClientId { get; init; }
    public string AccountManagerId { get; private set; } = "";
    /// <summary>The clients service's time for what this row says; events arrive in any order, so only a newer one replaces it.</summary>
    public DateTimeOffset AsOf { get; private set; } = DateTimeOffset.MinValue;
    /// <summary>One row per person on the team (the manager included): what the list filter joins on.</summary>
    public List<ClientTeamMember> Members { get; init; } = [];

    /// <summary>Takes the team an event or the directory announced, unless what is held is as new or newer; true when it changed.</summary>
    public bool Apply(string accountManagerId, IEnumerable<string> executiveIds, DateTimeOffset asOf)
    {
        if (asOf <= AsOf) return false;
        AsOf = asOf;
        var wanted = MembersOf(accountManagerId, executiveIds);
        var changed = AccountManagerId != accountManagerId || !wanted.SetEquals(Members.Select(m => m.UserId));
        AccountManagerId = accountManagerId;
        Members.RemoveAll(m => !wanted.Contains(m.UserId));
        foreach (var userId in wanted.Where(id => Members.All(m => m.UserId != id)))
            Members.Add(new ClientTeamMember { ClientId = ClientId, UserId = userId });
        return changed;
    }

    public bool Includes(string userId) => Members.Any(m => m.UserId == userId);

    /// <summary>The manager and the executives reporting to them, blanks and repeats dropped.</summary>
    public static HashSet<string> MembersOf(string accountManagerId, IEnumerable<string> executiveIds) =>
        executiveIds.Prepend(accountManagerId).Where(id => !string.IsNullOrWhiteSpace(id)).ToHashSet(StringComparer.Ordinal);
}
