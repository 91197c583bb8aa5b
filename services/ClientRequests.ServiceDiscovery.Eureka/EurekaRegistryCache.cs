using System.Collections.Immutable;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace ClientRequests.ServiceDiscovery.Eureka;

/// <summary>
/// The last good copy of the registry. Snapshots are immutable and swapped whole, so readers never lock
/// and a failed fetch simply leaves the previous snapshot in place.
/// </summary>
public sealed class EurekaRegistryCache
{
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, ImmutableDictionary<string, EurekaInstance>> _apps =
        ImmutableDictionary.Create<string, ImmutableDictionary<string, EurekaInstance>>(StringComparer.OrdinalIgnoreCase);
    private CancellationTokenSource _changed = new();

    /// <summary>True once a full fetch has succeeded; until then deltas mean nothing.</summary>
    public bool HasFullRegistry { get; private set; }

    /// <summary>Fires when the content changes, so resolvers refresh without polling.</summary>
    public IChangeToken GetChangeToken()
    {
        lock (_gate)
        {
            return new CancellationChangeToken(_changed.Token);
        }
    }

    public IReadOnlyList<EurekaInstance> GetInstances(string appName) =>
        _apps.TryGetValue(appName, out var instances) ? instances.Values.ToArray() : [];

    public void ReplaceAll(IEnumerable<EurekaInstance> instances)
    {
        var builder = ImmutableDictionary.CreateBuilder<string, ImmutableDictionary<string, EurekaInstance>>(StringComparer.OrdinalIgnoreCase);
        foreach (var group in instances.GroupBy(i => i.App, StringComparer.OrdinalIgnoreCase))
        {
            builder[group.Key] = group.ToImmutableDictionary(i => i.InstanceId, i => i with { ActionType = null });
        }

        CancellationTokenSource? changed;
        lock (_gate)
        {
            HasFullRegistry = true;
            changed = Publish(builder.ToImmutable());
        }

        changed?.Cancel();
    }

    /// <summary>Applies a delta and returns the reconcile hash code of the result, to compare with the server's.</summary>
    public string ApplyDelta(IEnumerable<EurekaInstance> changes)
    {
        CancellationTokenSource? changed;
        string hashCode;
        lock (_gate)
        {
            var apps = _apps;
            foreach (var change in changes)
            {
                var instances = apps.GetValueOrDefault(change.App) ?? ImmutableDictionary<string, EurekaInstance>.Empty;
                instances = string.Equals(change.ActionType, "DELETED", StringComparison.OrdinalIgnoreCase)
                    ? instances.Remove(change.InstanceId)
                    : instances.SetItem(change.InstanceId, change with { ActionType = null });
                apps = instances.IsEmpty ? apps.Remove(change.App) : apps.SetItem(change.App, instances);
            }

            changed = Publish(apps);
            hashCode = ComputeHashCode(apps.Values.SelectMany(i => i.Values));
        }

        changed?.Cancel();
        return hashCode;
    }

    /// <summary>Eureka's reconcile hash: per status, ordered by status name, "STATUS_count_".</summary>
    public static string ComputeHashCode(IEnumerable<EurekaInstance> instances)
    {
        var text = new StringBuilder();
        foreach (var group in instances.GroupBy(i => i.Status.ToUpperInvariant()).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append(group.Key).Append('_').Append(group.Count()).Append('_');
        }

        return text.ToString();
    }

    // Returns the source to cancel once the lock is released: change callbacks must not run under it.
    // The old source is not disposed because resolvers may still hold tokens from it.
    private CancellationTokenSource? Publish(ImmutableDictionary<string, ImmutableDictionary<string, EurekaInstance>> apps)
    {
        if (SameContent(_apps, apps))
        {
            return null;
        }

        _apps = apps;
        var previous = _changed;
        _changed = new CancellationTokenSource();
        return previous;
    }

    private static bool SameContent(
        ImmutableDictionary<string, ImmutableDictionary<string, EurekaInstance>> left,
        ImmutableDictionary<string, ImmutableDictionary<string, EurekaInstance>> right) =>
        left.Count == right.Count && left.All(app =>
            right.TryGetValue(app.Key, out var other) && app.Value.Count == other.Count &&
            app.Value.All(i => other.TryGetValue(i.Key, out var o) && Same(i.Value, o)));

    // Records compare dictionaries by reference, so metadata is compared by content here.
    private static bool Same(EurekaInstance a, EurekaInstance b) =>
        a with { Metadata = b.Metadata } == b &&
        a.Metadata.Count == b.Metadata.Count &&
        a.Metadata.All(m => b.Metadata.TryGetValue(m.Key, out var v) && v == m.Value);
}
