using System.Security.Claims;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using ClientRequests.Notifications.Webhooks;
using ClientRequests.ServiceDefaults.Paging;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Notifications.Apis;

/// <summary>Webhook subscriptions and their delivery log. Admins only: a subscription sees every client's events.</summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/notifications/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Admin);
        group.MapPost("/", Subscribe);
        group.MapGet("/", ListSubscriptions);
        group.MapGet("/{id:guid}/deliveries", ListDeliveries);
        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/replay", Replay);
        return group;
    }

    public sealed record Subscription(string? EventType, string? Url, string? Secret);
    public sealed record SubscriptionView(Guid Id, string EventType, string Url, string Status, DateTimeOffset CreatedAt, DateTimeOffset? PausedAt);
    public sealed record AttemptView(DateTimeOffset At, int DurationMs, bool Succeeded, int? StatusCode, string? Error, string? Response);
    public sealed record DeliveryView(Guid Id, Guid EventId, string EventType, string Status, int Attempts, DateTimeOffset CreatedAt,
        DateTimeOffset? DeliveredAt, DateTimeOffset NextAttemptAt, IReadOnlyList<AttemptView> Log);

    static async Task<Results<Created<SubscriptionView>, ValidationProblem>> Subscribe(Subscription body, ClaimsPrincipal user,
        WebhookAddressGuard guard, NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Require(body.EventType is not null && WebhookEventTypes.All.Contains(body.EventType), "eventType",
                $"'eventType' must be one of {string.Join(", ", WebhookEventTypes.All)}.")
            .Require(body.Secret is { Length: >= WebhookSubscription.MinimumSecretLength and <= 200 }, "secret",
                $"'secret' must be {WebhookSubscription.MinimumSecretLength} to 200 characters.")
            .Text(body.Url, "url", 2000);
        if (!errors.ContainsKey("url") && await guard.RefusalAsync(body.Url, cancellationToken) is { } refusal)
            errors.Require(false, "url", refusal);
        if (errors.Count > 0) return Problem.Invalid(errors);

        var subscription = new WebhookSubscription
        {
            Id = Guid.NewGuid(), EventType = body.EventType!, Url = body.Url!, Secret = body.Secret!,
            CreatedBy = user.UserId(), CreatedAt = clock.GetUtcNow(),
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/notifications/webhooks/{subscription.Id}", ToView(subscription));
    }

    static async Task<Ok<List<SubscriptionView>>> ListSubscriptions(NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(subscriptions.Select(ToView).ToList());
    }

    static async Task<Results<Ok<Page<DeliveryView>>, ValidationProblem, ProblemHttpResult>> ListDeliveries(
        Guid id, string? after, int? limit, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Require(Cursor.TryDecode(after, out var cursor), "after", "'after' is not a cursor this service issued.")
            .Require(PageLimits.IsValid(limit), "limit", $"'limit' must be between 1 and {PageLimits.Max}.");
        if (errors.Count > 0) return Problem.Invalid(errors);
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == id, cancellationToken)) return Problem.NotFound("Subscription", id);

        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id);
        if (cursor is { } c) query = query.Where(d => d.CreatedAt < c.At || (d.CreatedAt == c.At && d.Id.CompareTo(c.Id) < 0));
        var take = limit ?? PageLimits.Default;
        var deliveries = await query.OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id).Take(take + 1).ToListAsync(cancellationToken);
        var page = deliveries.Take(take).ToList();
        var ids = page.Select(d => d.Id).ToList();
        var attempts = (await db.WebhookAttempts.AsNoTracking().Where(a => ids.Contains(a.DeliveryId)).ToListAsync(cancellationToken))
            .ToLookup(a => a.DeliveryId);
        var next = deliveries.Count > take ? new Cursor(page[^1].CreatedAt, page[^1].Id).Encode() : null;
        return TypedResults.Ok(new Page<DeliveryView>(page.Select(d => ToView(d, attempts[d.Id])).ToList(), next));
    }

    /// <summary>Sends one delivery again with a fresh failure budget; replaying is the operator saying the receiver is back.</summary>
    static async Task<Results<Accepted, ProblemHttpResult>> Replay(Guid id, Guid deliveryId, NotificationsDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId && d.SubscriptionId == id, cancellationToken);
        if (delivery is null) return Problem.NotFound("Delivery", deliveryId);
        if (delivery.Status == DeliveryStatus.Pending)
            return Problem.Conflict("The delivery is still pending.", "Only delivered or parked deliveries can be replayed.");
        var subscription = await db.WebhookSubscriptions.SingleAsync(s => s.Id == id, cancellationToken);
        delivery.Replay(clock.GetUtcNow());
        subscription.Resume();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/notifications/webhooks/{id}/deliveries");
    }

    static SubscriptionView ToView(WebhookSubscription s) => new(s.Id, s.EventType, s.Url, s.Status.ToString(), s.CreatedAt, s.PausedAt);

    static DeliveryView ToView(WebhookDelivery d, IEnumerable<WebhookAttempt> attempts) =>
        new(d.Id, d.EventId, d.EventType, d.Status.ToString(), d.Attempts, d.CreatedAt, d.DeliveredAt, d.NextAttemptAt,
            attempts.OrderBy(a => a.At).Select(a => new AttemptView(a.At, a.DurationMs, a.Succeeded, a.StatusCode, a.Error, a.Response)).ToList());
}
