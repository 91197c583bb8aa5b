using ClientRequests.Requests.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientRequests.Requests.Sla;

/// <summary>
/// Re-evaluates the clocks of open requests (and of those closed since the last pass, whose final verdict is due)
/// from their timelines, raises at-risk and breach events once each, and keeps the flags the lists filter on.
/// </summary>
public sealed class SlaMonitor(IServiceScopeFactory scopes, IOptions<SlaOptions> options, RequestClocks clocks, TimeProvider clock, ILogger<SlaMonitor> logger)
    : BackgroundService
{
    const int Batch = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try { await EvaluateAllAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next pass recomputes everything from the timelines; nothing is lost by skipping this one.
                logger.LogWarning(e, "SLA evaluation failed; retrying at the next interval");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task EvaluateAllAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var recentlyClosed = now - settings.Interval * 2;
        Guid? after = null;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
            var query = db.Requests.Include(r => r.WorkItems).Where(r => r.ClosedAt == null || r.ClosedAt > recentlyClosed);
            if (after is { } last) query = query.Where(r => r.Id.CompareTo(last) > 0);
            var requests = await query.OrderBy(r => r.Id).Take(Batch).ToListAsync(cancellationToken);
            if (requests.Count == 0) return;
            after = requests[^1].Id;

            var ids = requests.Select(r => r.Id).ToList();
            var timelines = (await db.Timeline.AsNoTracking().Where(t => ids.Contains(t.RequestId)).ToListAsync(cancellationToken)).ToLookup(t => t.RequestId);
            foreach (var request in requests) clocks.Apply(db, request, timelines[request.Id], now);
            try { await db.SaveChangesAsync(cancellationToken); }
            catch (DbUpdateConcurrencyException)
            {
                // A consumer moved one of these requests meanwhile; the next pass sees its new timeline.
                logger.LogDebug("SLA batch after {After} met a concurrent change; it is evaluated again next pass", after);
            }
        }
    }
}
