namespace ClientRequests.Contracts.Departments;

/// <summary>
/// How far along its lifecycle a work item is, by the status names the services use in their APIs (requests.proto's
/// <c>WorkItem.status</c>). One ranking for every reader that must tell a newer status from an older one.
/// </summary>
public static class WorkItemLifecycle
{
    /// <summary>Assigned, Queued, Claimed, InProgress, then the three ends, which are equally far; -1 for a name it does not know.</summary>
    public static int Rank(string? status) => status switch
    {
        "Assigned" => 0,
        "Queued" => 1,
        "Claimed" => 2,
        "InProgress" => 3,
        "Completed" or "Rejected" or "HandedOver" => 4,
        _ => -1,
    };

    public static bool IsFurtherThan(string? status, string? other) => Rank(status) > Rank(other);
}
