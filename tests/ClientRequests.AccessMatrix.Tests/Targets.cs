namespace ClientRequests.AccessMatrix.Tests;

/// <summary>Whose data a cell aims at: the caller's own team and department, or another team's and department's.</summary>
public enum Scope { Own, Foreign }

/// <summary>
/// The things a path or body names, for one scope. Own: Acme (Alice's book, Bob's manager), billing (Carol, Dave).
/// Foreign: Initech (Mallory's book), legal (Erin); no Initech request ever reaches billing.
/// </summary>
public sealed record Targets(Guid ClientId, string ClientName, Guid ContactId, string ManagerId, Guid RequestId, Guid LifecycleRequestId,
    string Department, Guid WorkItemId, string Executive);

/// <summary>Everything the fixture seeded, and the text that must never reach a caller the data is foreign to.</summary>
public sealed record Seeds(Targets Own, Targets Foreign, Guid ForeignNotificationId, int RuleId, int RuleToDeleteId, string SpareDepartment,
    Guid WebhookId, Guid DeliveryId, IReadOnlyList<string> ForeignMarkers, IReadOnlyList<string> OtherDepartmentMarkers)
{
    public Targets For(Scope scope) => scope == Scope.Own ? Own : Foreign;

    /// <summary>
    /// What <paramref name="role"/> may never read: the other team's client and request (and, for department staff, an Acme
    /// request that only support works on). Analysts and admins read everything.
    /// </summary>
    public IReadOnlyList<string> MarkersHiddenFrom(Role? role) => role switch
    {
        null => [.. ForeignMarkers, .. OtherDepartmentMarkers],
        Role.Analyst or Role.Admin => [],
        Role.Agent or Role.Lead => [.. ForeignMarkers, .. OtherDepartmentMarkers],
        _ => ForeignMarkers,
    };
}

/// <summary>One cell: who calls, about which scope, with the values a row prepared for it.</summary>
public sealed record Cell(Role Role, Scope Scope, Targets T, Seeds Seeds, IReadOnlyDictionary<string, string> Prepared)
{
    public string this[string key] => Prepared[key];
}
