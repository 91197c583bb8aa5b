namespace ClientRequests.Notifications.Domain;

/// <summary>What this service remembers of a request from RequestSubmitted, so later events can name it and find its client.</summary>
public sealed class TrackedRequest
{
    public Guid RequestId { get; init; }
    public Guid ClientId { get; init; }
    public required string ClientName { get; init; }
    public required string Title { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
}

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

/// <summary>A department that has (or had) a work item on a request; lets its staff watch the request.</summary>
public sealed class RequestDepartment
{
    public Guid RequestId { get; init; }
    public required string DepartmentCode { get; init; }
}

/// <summary>Why a user may watch a request, checked when they start watching.</summary>
public enum WatchBasis
{
    /// <summary>Admins and analysts read every request.</summary>
    Reader,
    /// <summary>On the client's account team; re-checked at each delivery, since teams change and we hear of it.</summary>
    AccountTeam,
    /// <summary>Staff of a department with a work item on the request.</summary>
    Department,
}

/// <summary>A user who asked to hear of every update to a request.</summary>
public sealed class Watch
{
    public required string UserId { get; init; }
    public Guid RequestId { get; init; }
    public WatchBasis Basis { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
