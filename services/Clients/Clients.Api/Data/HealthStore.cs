using ClientRequests.Clients.Domain;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Clients.Data;

/// <summary>Reads and writes the health signals; the figures themselves are computed on read (<see cref="HealthReports"/>).</summary>
public static class HealthStore
{
    /// <summary>Ids per IN list: keeps SQL Server well under its 2,100 parameters per statement.</summary>
    const int ChunkSize = 500;

    /// <summary>
    /// Adds the signal unless one with its id is stored; of two, keeps the earlier (<see cref="HealthProjection.Keep"/>).
    /// Two copies consumed at the same moment collide on the key; the loser fails, MassTransit retries it, and it then
    /// finds the winner.
    /// </summary>
    public static async Task StoreSignalAsync(this ClientsDbContext db, HealthSignal signal, CancellationToken cancellationToken)
    {
        var stored = await db.HealthSignals.FindAsync([signal.Id], cancellationToken);
        if (stored is null) db.HealthSignals.Add(signal);
        // Copies share the key's facts; only the moment can differ (a breach noticed twice).
        else if (HealthProjection.Keep(stored, signal) == signal) stored.OccurredAt = signal.OccurredAt;
    }

    /// <summary>The signals every report at <paramref name="now"/> needs, per client.</summary>
    public static async Task<ILookup<Guid, HealthSignal>> SignalsForAsync(this ClientsDbContext db, IReadOnlyCollection<Guid> clientIds,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = HealthReports.Since(now);
        var signals = new List<HealthSignal>();
        foreach (var chunk in clientIds.Chunk(ChunkSize))
            signals.AddRange(await db.HealthSignals.AsNoTracking().Where(s => chunk.Contains(s.ClientId) && s.OccurredAt > since).ToListAsync(cancellationToken));
        // A request fulfilled lately may have been submitted before that: its submission is needed for the time to fulfil.
        var known = signals.Where(s => s.Kind == HealthKinds.Submitted).Select(s => s.RequestId).ToHashSet();
        var missing = signals.Where(s => s.Kind == HealthKinds.Fulfilled && !known.Contains(s.RequestId)).Select(s => s.RequestId).Distinct().ToList();
        foreach (var chunk in missing.Chunk(ChunkSize))
            signals.AddRange(await db.HealthSignals.AsNoTracking()
                .Where(s => s.Kind == HealthKinds.Submitted && chunk.Contains(s.RequestId)).ToListAsync(cancellationToken));
        return signals.ToLookup(s => s.ClientId);
    }

    /// <summary>
    /// Re-derives every stored weight of the clients from the signal's own facts with today's rules (so a change of
    /// the weights in ADR 0012 reaches history) and returns how many changed. Null: every client.
    /// </summary>
    public static async Task<int> RebuildAsync(this ClientsDbContext db, Guid? clientId, CancellationToken cancellationToken)
    {
        var signals = await db.HealthSignals.Where(s => clientId == null || s.ClientId == clientId).ToListAsync(cancellationToken);
        var changed = 0;
        foreach (var signal in signals)
        {
            var weight = HealthWeights.Of(signal);
            if (weight == signal.Weight) continue;
            signal.Weight = weight;
            changed++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return changed;
    }
}
