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
        group.MapPost("/{id:guid}/deliveries/replay", ReplayRange);
        group.MapPost("/{id:guid}/resume", Resume);
        group.MapPost("/{id:guid}/secret", RotateSecret);
        group.MapDelete("/{id:guid}", Unsubscribe);
        return group;
    }

    public sealed record Subscription(string? EventType, string? Url, string? Secret);
    public sealed record SubscriptionView(Guid Id, string EventType, string Url, string Status, DateTimeOffset CreatedAt, DateTimeOffset? PausedAt,
        DateTimeOffset? PreviousSecretValidUntil);
    public sealed record AttemptView(DateTimeOffset At, int DurationMs, bool Succeeded, int? StatusCode, string? Error, string? Response);
    public sealed record DeliveryView(Guid Id, Guid EventId, string EventType, string Status, int Attempts, DateTimeOffset CreatedAt,
        DateTimeOffset? DeliveredAt, DateTimeOffset NextAttemptAt, IReadOnlyList<AttemptView> Log);

    static async Task<Results<Created<SubscriptionView>, ValidationProblem>> Subscribe(Subscription body, ClaimsPrincipal user,
        WebhookAddressGuard guard, NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Require(body.EventType is not null && WebhookEventTypes.All.Contains(body.EventType), "eventType",
                $"'eventType' must be one of {string.Join(", ", WebhookEventTypes.All)}.")
            .Require(WebhookSecret.Parse(body.Secret) is not null, "secret", SecretRule)
            .Text(body.Url, "url", 2000);
        if (!errors.ContainsKey("url") && await guard.RefusalAsync(body.Url, cancellationToken) is { } refusal)
            errors.Require(false, "url", refusal);
        if (errors.Count > 0) return Problem.Invalid(errors);

        var subscription = new WebhookSubscription
        {
            Id = Guid.NewGuid(), EventType = body.EventType!, Url = body.Url!, SigningKey = WebhookSecret.Parse(body.Secret)!,
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

    public sealed record ReplayRangeInput(DateTimeOffset? From, DateTimeOffset? To);
    public sealed record Replayed(int Deliveries);

    /// <summary>
    /// Sends again every delivered or parked delivery created in [from, to), each with a fresh failure budget, and resumes
    /// the subscription. Pending ones are on their way already and are left as they are.
    /// </summary>
    static async Task<Results<Accepted<Replayed>, ValidationProblem, ProblemHttpResult>> ReplayRange(Guid id, ReplayRangeInput body,
        NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Require(body.From is not null, "from", "'from' is required (an ISO 8601 instant).")
            .Require(body.To is not null, "to", "'to' is required (an ISO 8601 instant).");
        if (body is { From: { } f, To: { } t }) errors.Require(f < t, "to", "'to' must be after 'from'.");
        if (errors.Count > 0) return Problem.Invalid(errors);
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null) return Problem.NotFound("Subscription", id);

        var (from, to, now) = (body.From!.Value, body.To!.Value, clock.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var replayed = await db.WebhookDeliveries
            .Where(d => d.SubscriptionId == id && d.Status != DeliveryStatus.Pending && d.CreatedAt >= from && d.CreatedAt < to)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Pending).SetProperty(d => d.FailuresInARow, 0)
                .SetProperty(d => d.NextAttemptAt, now).SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        if (replayed > 0) subscription.Resume();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Accepted($"/api/notifications/webhooks/{id}/deliveries", new Replayed(replayed));
    }

    /// <summary>
    /// The operator says the receiver is back: the subscription sends again, its pending deliveries first. With
    /// <c>redeliverParked=true</c> the deliveries it parked are given a fresh failure budget and sent too.
    /// </summary>
    static async Task<Results<Ok<SubscriptionView>, ProblemHttpResult>> Resume(Guid id, bool? redeliverParked, NotificationsDbContext db,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null) return Problem.NotFound("Subscription", id);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (redeliverParked == true)
            await db.WebhookDeliveries.Where(d => d.SubscriptionId == id && d.Status == DeliveryStatus.Parked)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Pending).SetProperty(d => d.FailuresInARow, 0)
                    .SetProperty(d => d.NextAttemptAt, now).SetProperty(d => d.LeaseUntil, (DateTimeOffset?)null), cancellationToken);
        subscription.Resume();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ToView(subscription));
    }

    static readonly string SecretRule = $"'secret' must be a Standard Webhooks secret: '{WebhookSecret.Prefix}' and the base64 of " +
        $"{WebhookSecret.MinimumKeyBytes} to {WebhookSecret.MaximumKeyBytes} random bytes.";

    public sealed record SecretRotation(string? Secret, int? GraceHours);

    /// <summary>
    /// Signs with a new secret from now on. For <c>graceHours</c> (24 unless told, 0 to 168) deliveries carry a second
    /// signature with the old secret, so the receiver can switch whenever it likes; 0 drops the old one at once.
    /// </summary>
    static async Task<Results<Ok<SubscriptionView>, ValidationProblem, ProblemHttpResult>> RotateSecret(Guid id, SecretRotation body,
        NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var key = WebhookSecret.Parse(body.Secret);
        var errors = new FieldErrors()
            .Require(key is not null, "secret", SecretRule)
            .Require(body.GraceHours is null or (>= 0 and <= MaxGraceHours), "graceHours", $"'graceHours' must be between 0 and {MaxGraceHours}.");
        if (errors.Count > 0) return Problem.Invalid(errors);
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (subscription is null) return Problem.NotFound("Subscription", id);
        subscription.RotateKey(key!, clock.GetUtcNow(), TimeSpan.FromHours(body.GraceHours ?? 24));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToView(subscription));
    }

    const int MaxGraceHours = 168;

    /// <summary>Removes the subscription with its deliveries and their log; nothing more is sent to it.</summary>
    static async Task<Results<NoContent, ProblemHttpResult>> Unsubscribe(Guid id, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Through the deliveries, so the attempts' (DeliveryId, At) index finds them.
        await db.WebhookAttempts.Where(a => db.WebhookDeliveries.Any(d => d.Id == a.DeliveryId && d.SubscriptionId == id))
            .ExecuteDeleteAsync(cancellationToken);
        await db.WebhookDeliveries.Where(d => d.SubscriptionId == id).ExecuteDeleteAsync(cancellationToken);
        var deleted = await db.WebhookSubscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0) return Problem.NotFound("Subscription", id);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    static SubscriptionView ToView(WebhookSubscription s) =>
        new(s.Id, s.EventType, s.Url, s.Status.ToString(), s.CreatedAt, s.PausedAt, s.PreviousSigningKey is null ? null : s.PreviousKeyValidUntil);

    static DeliveryView ToView(WebhookDelivery d, IEnumerable<WebhookAttempt> attempts) =>
        new(d.Id, d.EventId, d.EventType, d.Status.ToString(), d.Attempts, d.CreatedAt, d.DeliveredAt, d.NextAttemptAt,
            attempts.OrderBy(a => a.At).Select(a => new AttemptView(a.At, a.DurationMs, a.Succeeded, a.StatusCode, a.Error, a.Response)).ToList());
}
