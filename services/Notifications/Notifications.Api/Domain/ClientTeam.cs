namespace ClientRequests.Notifications.Domain;

/// <summary>
/// A client's account team as last announced. Kept per client, not per request, because AccountTeamChanged is per client:
/// one row to update however many requests the client has.
/// </summary>
public sealed class ClientTeam
{
    public Guid ClientId { get; init; }
    public string AccountManagerId { get; private set; } = "";
    public List<string> AccountExecutiveIds { get; private set; } = [];
    /// <summary>When the team was as stored; events arrive in any order, so only a newer one replaces it.</summary>
    public DateTimeOffset AsOf { get; private set; }

    public static ClientTeam Empty(Guid clientId) => new() { ClientId = clientId, AsOf = DateTimeOffset.MinValue };

    public void Apply(string managerId, IEnumerable<string> executiveIds, DateTimeOffset asOf)
    {
        if (asOf <= AsOf) return;
        AccountManagerId = managerId;
        AccountExecutiveIds = executiveIds.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct(StringComparer.Ordinal).ToList();
        AsOf = asOf;
    }

    public IEnumerable<string> Members() =>
        AccountExecutiveIds.Prepend(AccountManagerId).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal);

    public bool Includes(string userId) => Members().Contains(userId, StringComparer.Ordinal);
}
