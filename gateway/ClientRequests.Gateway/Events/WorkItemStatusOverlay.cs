using ClientRequests.Contracts.Departments;
using ClientRequests.Requests.Grpc;

namespace ClientRequests.Gateway.Events;

/// <summary>
/// Work item statuses a subscription learned from the departments' events, laid over what the requests service answers.
/// The requests service applies the same events a moment later; until then its copy lags, and a subscriber should not
/// see a claim only once something else happens to the request. A status is laid over only when it is further along
/// the lifecycle than the service's, so a late or reordered event never moves a work item back.
/// </summary>
public sealed class WorkItemStatusOverlay
{
    readonly Dictionary<string, (int Sequence, string Status)> latest = new(StringComparer.OrdinalIgnoreCase);

    public void Record(PlatformEvent change)
    {
        if (!change.IsAboutWorkItem) return;
        var key = change.WorkItemId!.Value.ToString();
        var sequence = change.Sequence ?? 0;
        if (!latest.TryGetValue(key, out var known) || sequence > known.Sequence) latest[key] = (sequence, change.WorkItemStatus!);
    }

    /// <summary>The entry with each work item at the furthest status known; the entry itself is not changed.</summary>
    public RequestEntry Apply(RequestEntry entry)
    {
        if (latest.Count == 0) return entry;
        var result = entry.Clone();
        foreach (var item in result.WorkItems)
            if (latest.TryGetValue(item.Id, out var known) && WorkItemLifecycle.IsFurtherThan(known.Status, item.Status))
                item.Status = known.Status;
        return result;
    }
}
