using System.Collections.Concurrent;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClientRequests.Notifications.Webhooks;

/// <summary>
/// Sends due deliveries in the background. Each attempt runs on its own, at most one per subscription at a time
/// and a bounded number overall, so a slow receiver holds one slot and delays nobody else.
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, WebhookSender sender, IOptions<WebhookOptions> options,
    TimeProvider clock, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    readonly WebhookOptions settings = options.Value;
    readonly ConcurrentDictionary<Guid, byte> busySubscriptions = new();
    readonly SemaphoreSlim slots = new(options.Value.MaxConcurrentDeliveries);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await StartDueAttemptsAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Looking for due webhook deliveries failed; trying again shortly.");
            }
            try { await Task.Delay(settings.PollInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    async Task StartDueAttemptsAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < now))
            .Where(d => db.WebhookSubscriptions.Any(s => s.Id == d.SubscriptionId && s.Status == SubscriptionStatus.Active))
            .OrderBy(d => d.NextAttemptAt).Take(settings.MaxConcurrentDeliveries * 4)
            .Select(d => new { d.Id, d.SubscriptionId }).ToListAsync(stoppingToken);

        foreach (var delivery in due)
        {
            if (!busySubscriptions.TryAdd(delivery.SubscriptionId, 0)) continue;
            if (!slots.Wait(0))
            {
                busySubscriptions.TryRemove(delivery.SubscriptionId, out _);
                return;
            }
            // The lease makes a second replica (or this one, next round) leave the delivery alone while it is in flight.
            DateTimeOffset? leaseUntil = now + settings.Timeout + TimeSpan.FromSeconds(30);
            var claimed = await db.WebhookDeliveries
                .Where(d => d.Id == delivery.Id && d.Status == DeliveryStatus.Pending && (d.LeaseUntil == null || d.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, leaseUntil), stoppingToken);
            if (claimed == 0)
            {
                Release(delivery.SubscriptionId);
                continue;
            }
            _ = Task.Run(() => AttemptAsync(delivery.Id, delivery.SubscriptionId, stoppingToken), CancellationToken.None);
        }
    }

    async Task AttemptAsync(Guid deliveryId, Guid subscriptionId, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId, stoppingToken);
            var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == subscriptionId, stoppingToken);
            // Unsubscribed between the claim and now: nothing to send.
            if (delivery is null || subscription is null) return;

            var outcome = await sender.SendAsync(subscription, delivery, stoppingToken);
            var now = clock.GetUtcNow();
            db.WebhookAttempts.Add(new WebhookAttempt
            {
                Id = Guid.NewGuid(), DeliveryId = delivery.Id, SubscriptionId = subscription.Id, At = now - outcome.Duration,
                DurationMs = (int)outcome.Duration.TotalMilliseconds, Succeeded = outcome.Succeeded, StatusCode = outcome.StatusCode,
                Error = Truncate(outcome.Error, 1000), Response = outcome.Response,
            });
            if (outcome.Succeeded) delivery.Succeeded(now);
            else if (delivery.Failed(now, settings.RetryPolicy, Random.Shared.NextDouble()))
            {
                subscription.Pause(now);
                logger.LogWarning("Webhook subscription {Subscription} paused after {Failures} failures in a row; delivery {Delivery} parked.",
                    subscription.Id, delivery.FailuresInARow, delivery.Id);
            }
            await db.SaveChangesAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and the delivery is tried again, by this service or another replica.
        }
        catch (Exception e)
        {
            logger.LogError(e, "Webhook delivery {Delivery} could not be attempted; it is retried when its lease runs out.", deliveryId);
        }
        finally
        {
            Release(subscriptionId);
        }
    }

    void Release(Guid subscriptionId)
    {
        busySubscriptions.TryRemove(subscriptionId, out _);
        slots.Release();
    }

    static string? Truncate(string? text, int length) => text is null || text.Length <= length ? text : text[..length];
}
