using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.Clients.Domain;

/// <summary>
/// Which clients a caller may see and act for. Managers: their own book. Executives: the book of the manager
/// they report to (nothing while they report to nobody). Admins: everything. Analysts: read everything, act
/// for nothing. Department staff: nothing here (they reach client names through the gRPC directory).
/// </summary>
public sealed record ClientScope(string UserId, bool SeesAll, string? BookOf, bool CanAct, bool IsAdmin)
{
    public bool Sees(string accountManagerId) => SeesAll || (BookOf is not null && BookOf == accountManagerId);

    public bool ActsFor(string accountManagerId) => CanAct && Sees(accountManagerId);

    /// <summary>Only the manager who owns the book, or an admin, changes who serves a client.</summary>
    public bool ManagesTeamOf(string accountManagerId) => IsAdmin || (CanAct && UserId == accountManagerId && BookOf == UserId);

    public static ClientScope For(string userId, IReadOnlyCollection<string> roles, string? executiveReportsTo)
    {
        if (roles.Contains(Roles.Admin)) return new(userId, SeesAll: true, BookOf: null, CanAct: true, IsAdmin: true);
        if (roles.Contains(Roles.AccountManager)) return new(userId, SeesAll: false, BookOf: userId, CanAct: true, IsAdmin: false);
        if (roles.Contains(Roles.AccountExecutive)) return new(userId, SeesAll: false, BookOf: executiveReportsTo, CanAct: true, IsAdmin: false);
        if (roles.Contains(Roles.Analyst)) return new(userId, SeesAll: true, BookOf: null, CanAct: false, IsAdmin: false);
        return new(userId, SeesAll: false, BookOf: null, CanAct: false, IsAdmin: false);
    }
}
