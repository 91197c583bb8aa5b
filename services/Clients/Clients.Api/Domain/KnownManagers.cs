using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.Clients.Domain;

/// <summary>
/// Bound from <c>Clients:AccountManagers</c>: the ids of the site's account managers, as its identity provider names them.
/// A client is handed only to a known manager, so a typo does not put it in a book nobody reads (ADR 0029). Known too:
/// anyone who already has a book, and in Development the demo managers.
/// </summary>
public sealed class KnownManagers
{
    public const string Section = "Clients";

    public List<string> AccountManagers { get; set; } = [];

    public static IEnumerable<string> DemoManagers() => DemoUsers.All.Where(u => u.Roles.Contains(Roles.AccountManager)).Select(u => u.Id);

    /// <summary>Whether the id names an account manager, given whether it already has clients.</summary>
    public bool Knows(string userId, bool hasBook, bool development) =>
        hasBook || AccountManagers.Contains(userId, StringComparer.Ordinal) || (development && DemoManagers().Contains(userId, StringComparer.Ordinal));
}
