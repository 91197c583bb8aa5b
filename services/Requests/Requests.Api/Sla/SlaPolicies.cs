using ClientRequests.Requests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientRequests.Requests.Sla;

/// <summary>
/// The policy version this replica computes clocks with: the highest it has seen, kept in memory because every evaluation
/// reads it. <see cref="SlaPolicyRefresher"/> checks the database for a newer one every <c>Sla:PolicyRefresh</c>, the monitor
/// before each pass, and a writer whenever a request was computed by a version newer than this one (ADR 0032).
/// </summary>
public sealed class SlaPolicies(IOptions<SlaOptions> options)
{
    readonly Lazy<ActiveSlaPolicy> configured = new(() => ActiveSlaPolicy.FromConfiguration(options.Value));
    ActiveSlaPolicy? current;

    /// <summary>Until the database answers once, the configuration: the same document the first version is seeded from.</summary>
    public ActiveSlaPolicy Current => Volatile.Read(ref current) ?? configured.Value;

    /// <summary>Takes <paramref name="policy"/> unless a newer version is already in use: versions only move forward.</summary>
    public ActiveSlaPolicy Use(ActiveSlaPolicy policy)
    {
        while (true)
        {
            var seen = Volatile.Read(ref current);
            if (seen is not null && seen.Version >= policy.Version) return seen;
            if (Interlocked.CompareExchange(ref current, policy, seen) == seen) return policy;
        }
    }

    /// <summary>One cheap query (the highest version number); the document is read and compiled only when it is newer.</summary>
    public async Task<ActiveSlaPolicy> RefreshAsync(RequestsDbContext db, CancellationToken cancellationToken)
    {
        var latest = await db.SlaPolicyVersions.MaxAsync(v => (int?)v.Version, cancellationToken);
        if (latest is not { } version || (Volatile.Read(ref current)?.Version ?? -1) >= version) return Current;
        var row = await db.SlaPolicyVersions.AsNoTracking().SingleAsync(v => v.Version == version, cancellationToken);
        return Use(ActiveSlaPolicy.From(row));
    }
}
