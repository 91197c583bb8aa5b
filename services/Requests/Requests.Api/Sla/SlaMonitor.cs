using ClientRequests.Requests.Data;
using ClientRequests.ServiceDefaults.Data.Leases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientRequests.Requests.Sla;

/// <summary>
/// Re-evaluates the clocks of open requests (and of those closed since the last pass, whose final verdict is due)
/// from their timelines, raises at-risk and breach events once each, and keeps the flags the lists filter on.
/// One replica at a time makes the passes (a lease in the requests database). Each pass first picks up a newer policy version
/// if one was stored, so open requests' clocks follow a change from the next pass on (ADR 0032).
/// </summary>
public sealed class SlaMonitor(IServiceScopeFactory scopes, IOptions<SlaOptions> options, RequestClocks clocks, SlaPolicies policies,
    JobLeases<RequestsDbContext> leases,
    TimeProvider clock, ILogger<SlaMonitor> logger) : BackgroundService
{
    const int Batch = 200;

    /// <summary>The lease under which one replica at a time makes the passes.</summary>
    public const string Job = "sla-monitor";

    /// <summary>Passes made by this replica, for tests and operators counting passes across replicas.</summary>
    public int Passes => passes;
    int passes;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        leases.RunEveryAsync(Job, options.Value.Interval, async cancellationToken =>
        {
            Interlocked.Increment(ref passes);
            try { await EvaluateAllAsync(cancellationToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next pass recomputes everything from the timelines; nothing is lost by skipping this one.
                logger.LogWarning(e, "SLA evaluation failed; retrying at the next interval");
            }
        }, stoppingToken);

    public async Task EvaluateAllAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        await using (var first = scopes.CreateAsyncScope())
            await policies.RefreshAsync(first.ServiceProvider.GetRequiredService<RequestsDbContext>(), cancellationToken);
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
            var managers = await db.CurrentManagersAsync(requests.Select(r => r.ClientId).Distinct().ToList(), cancellationToken);
            // The client's manager now (the team projection), not the one of the day the request was opened.
            foreach (var request in requests) clocks.Apply(db, request, timelines[request.Id], now, managers.GetValueOrDefault(request.ClientId));
            try { await db.SaveChangesAsync(cancellationToken); }
            catch (DbUpdateConcurrencyException)
            {
                // A consumer moved one of these requests meanwhile; the next pass sees its new timeline.
                logger.LogDebug("SLA batch after {After} met a concurrent change; it is evaluated again next pass", after);
            }
        }
    }
}
