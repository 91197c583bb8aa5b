using ClientRequests.Messaging.Inbox;
using ClientRequests.ServiceDefaults.Correlation;
using ClientRequests.ServiceDefaults.Data.Leases;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClientRequests.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows with publisher confirms, then marks them sent. Each batch is claimed first
/// (<see cref="OutboxClaim"/>), so replicas sharing the database publish each row once. A crash between the confirm
/// and the mark publishes the row again (after the claim runs out) with the same MessageId, which the receiving
/// inbox recognises.
/// </summary>
public sealed class OutboxDispatcher<TDbContext>(
    IServiceScopeFactory scopes, IBusControl bus, OutboxSignal signal, MessagingOptions messaging, IOptions<OutboxOptions> options,
    JobLeases<TDbContext> leases, TimeProvider clock, ILogger<OutboxDispatcher<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext
{
    readonly OutboxOptions settings = options.Value;
    DateTimeOffset nextCleanup = DateTimeOffset.MinValue;

    /// <summary>The lease under which one replica at a time deletes sent outbox rows and old inbox rows.</summary>
    public const string CleanupJob = "outbox-cleanup";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Publishing into a bus that has not connected yet can leave MassTransit's send transport stuck;
                // rows simply wait until the bus reports healthy.
                if (bus.CheckHealth().Status != BusHealthStatus.Healthy)
                {
                    await Task.Delay(settings.PollInterval, clock, stoppingToken);
                    continue;
                }
                var dispatched = await DispatchBatchAsync(stoppingToken);
                failures = 0;
                await CleanUpAsync(stoppingToken);
                if (dispatched == settings.BatchSize) continue;
                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                failures++;
                var backOff = TimeSpan.FromMilliseconds(Math.Min(30_000, 250 * Math.Pow(2, Math.Min(failures, 7))));
                logger.LogWarning(e, "Outbox dispatch failed ({Failures} in a row); retrying in {BackOff}", failures, backOff);
                try { await Task.Delay(backOff, clock, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>Publishes one batch; returns how many rows it took from the outbox.</summary>
    internal async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var rows = await OutboxClaim.ClaimAsync(db, settings, clock.GetUtcNow(), cancellationToken);
        if (rows.Count == 0) return 0;

        var results = await Task.WhenAll(rows.Select(row => DeliverAsync(row, cancellationToken)));
        var now = clock.GetUtcNow();
        foreach (var (row, error) in rows.Zip(results))
        {
            if (error is null) row.SentAt = now;
            else
            {
                // Given back at once: the next try (after the back-off) may be any replica's.
                row.Attempts++;
                row.ClaimedUntil = null;
            }
        }
        await db.SaveChangesAsync(cancellationToken);

        var failed = results.FirstOrDefault(e => e is not null);
        if (failed is not null) throw new OutboxDispatchException(results.Count(e => e is not null), rows.Count, failed);
        return rows.Count;
    }

    async Task<Exception?> DeliverAsync(OutboxMessage row, CancellationToken cancellationToken)
    {
        try
        {
            var (message, type) = row.Deserialize();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.PublishTimeout);
            // Task.Run + WaitAsync bound the call even where the transport blocks or ignores the token while it
            // reconnects; an abandoned publish that completes later is a duplicate the receiving inbox absorbs.
            await Task.Run(() => PublishOrSendAsync(row, message, type, timeout.Token), timeout.Token).WaitAsync(timeout.Token);
            return null;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            if (row.Attempts + 1 >= settings.MaxAttempts)
                logger.LogError(e, "Outbox message {MessageId} ({Type}) parked after {Attempts} attempts", row.Id, row.MessageType, row.Attempts + 1);
            return e;
        }
    }

    async Task PublishOrSendAsync(OutboxMessage row, object message, Type type, CancellationToken cancellationToken)
    {
        if (row.Destination is null)
        {
            await bus.Publish(message, type, Pipe.Execute<PublishContext>(c => Stamp(c, row)), cancellationToken);
            return;
        }
        var endpoint = await bus.GetSendEndpoint(SendAddress(row.Destination));
        await endpoint.Send(message, type, Pipe.Execute<SendContext>(c => Stamp(c, row)), cancellationToken);
    }

    /// <summary>The row's id is the message's id (the inbox deduplicates on it); its correlation id goes along.</summary>
    static void Stamp(SendContext context, OutboxMessage row)
    {
        context.MessageId = row.Id;
        if (row.CorrelationId is { } id) context.Headers.Set(CorrelationId.Header, id);
    }

    /// <summary>
    /// A bare name is a queue. With quorum queues a sender must not declare it (the broker refuses a classic
    /// declaration over a quorum queue), so it sends through the queue's exchange. A full address is used as it is.
    /// </summary>
    Uri SendAddress(string destination) =>
        destination.Contains(':') ? new Uri(destination)
        : new Uri(messaging.QuorumQueues ? $"exchange:{destination}" : $"queue:{destination}");

    async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now < nextCleanup) return;
        nextCleanup = now + settings.CleanupInterval;
        if (!await leases.TryHoldAsync(CleanupJob, JobLeases<TDbContext>.LeaseFor(settings.CleanupInterval), cancellationToken)) return;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var sentBefore = now - settings.SentRetention;
        var processedBefore = now - settings.InboxRetention;
        await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < sentBefore).ExecuteDeleteAsync(cancellationToken);
        await db.Set<InboxMessage>().Where(m => m.ProcessedAt < processedBefore).ExecuteDeleteAsync(cancellationToken);
    }
}
