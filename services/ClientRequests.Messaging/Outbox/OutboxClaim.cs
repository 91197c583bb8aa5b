using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Messaging.Outbox;

/// <summary>
/// Takes a batch of unsent outbox rows for one dispatcher, so that N replicas publish each row once (ADR 0031).
/// One conditional UPDATE marks the oldest claimable rows with this batch's claim and an expiry; the database's
/// row locks make two concurrent claims of one row end with one winner (the loser's re-check of the condition
/// fails), on PostgreSQL, SQL Server and SQLite alike. A dispatcher that dies holding a claim stops mattering
/// once <see cref="OutboxOptions.ClaimDuration"/> has passed: its rows are claimable again.
/// </summary>
public static class OutboxClaim
{
    /// <summary>Who claims: this machine and process; each batch adds a unique suffix.</summary>
    public static string Claimant { get; } = Truncate($"{Environment.MachineName}:{Environment.ProcessId}", 80);

    static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];

    public static async Task<List<OutboxMessage>> ClaimAsync(DbContext db, OutboxOptions settings, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claim = $"{Claimant}:{Guid.NewGuid():N}";
        DateTimeOffset? until = now + settings.ClaimDuration;
        var claimed = await Claimable(db, settings, now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.ClaimedUntil, until), cancellationToken);
        if (claimed == 0) return [];
        return await db.Set<OutboxMessage>().Where(m => m.ClaimedBy == claim).OrderBy(m => m.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The rows a claim takes: the oldest unsent, unparked rows nobody holds. The condition stands both in the
    /// subquery that picks them and on the rows updated, so it is checked again on each row under its lock.
    /// </summary>
    internal static IQueryable<OutboxMessage> Claimable(DbContext db, OutboxOptions settings, DateTimeOffset now)
    {
        var outbox = db.Set<OutboxMessage>();
        var maxAttempts = settings.MaxAttempts;
        var oldest = outbox
            .Where(m => m.SentAt == null && m.Attempts < maxAttempts && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.CreatedAt).Take(settings.BatchSize).Select(m => m.Id);
        return outbox.Where(m => m.SentAt == null && m.Attempts < maxAttempts && (m.ClaimedUntil == null || m.ClaimedUntil < now)
            && oldest.Contains(m.Id));
    }
}
