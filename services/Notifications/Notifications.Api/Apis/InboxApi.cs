using System.Security.Claims;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using ClientRequests.ServiceDefaults.Paging;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Notifications.Apis;

/// <summary>
/// The caller's own in-app notifications and those of the caller's department groups; nobody, admins included, reads
/// another user's inbox. A group notification is shared: marking it read marks it for the whole group, like a shared mailbox.
/// </summary>
public static class InboxApi
{
    public static RouteGroupBuilder MapInboxApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/notifications").WithTags("Inbox").RequireAuthorization(Policies.AnyUser);
        group.MapGet("/", ListInbox);
        group.MapGet("/unread-count", CountUnread);
        group.MapPost("/{id:guid}/read", MarkRead);
        group.MapPost("/read-all", MarkAllRead);
        return group;
    }

    public sealed record NotificationView(Guid Id, string Kind, string Title, string Body, Guid? RequestId, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);
    public sealed record UnreadCount(int Count);
    public sealed record MarkedRead(int Count);

    static async Task<Results<Ok<Page<NotificationView>>, ValidationProblem>> ListInbox(
        string? after, int? limit, bool? unread, ClaimsPrincipal user, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Require(Cursor.TryDecode(after, out var cursor), "after", "'after' is not a cursor this service issued.")
            .Require(PageLimits.IsValid(limit), "limit", $"'limit' must be between 1 and {PageLimits.Max}.");
        if (errors.Count > 0) return Problem.Invalid(errors);

        return TypedResults.Ok(await PageAsync(db, user, unread is true, cursor, limit ?? PageLimits.Default, cancellationToken));
    }

    /// <summary>One page of the caller's inbox, newest first; REST and gRPC both read it through here.</summary>
    internal static async Task<Page<NotificationView>> PageAsync(NotificationsDbContext db, ClaimsPrincipal user, bool unreadOnly, Cursor? after,
        int take, CancellationToken cancellationToken)
    {
        var query = Inbox(db, user).AsNoTracking();
        if (unreadOnly) query = query.Where(n => n.ReadAt == null);
        if (after is { } c) query = query.Where(n => n.CreatedAt < c.At || (n.CreatedAt == c.At && n.Id.CompareTo(c.Id) < 0));

        var items = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Take(take + 1).ToListAsync(cancellationToken);
        var next = items.Count > take ? new Cursor(items[take - 1].CreatedAt, items[take - 1].Id).Encode() : null;
        return new Page<NotificationView>(items.Take(take).Select(ToView).ToList(), next);
    }

    static async Task<Ok<UnreadCount>> CountUnread(ClaimsPrincipal user, NotificationsDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(new UnreadCount(await Inbox(db, user).CountAsync(n => n.ReadAt == null, cancellationToken)));

    static async Task<Results<NoContent, ProblemHttpResult>> MarkRead(
        Guid id, ClaimsPrincipal user, NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Someone else's notification answers exactly like a missing one, so ids reveal nothing.
        var notification = await Inbox(db, user).SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (notification is null) return Problem.NotFound("Notification", id);
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    static async Task<Ok<MarkedRead>> MarkAllRead(ClaimsPrincipal user, NotificationsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        DateTimeOffset? now = clock.GetUtcNow();
        var count = await Inbox(db, user).Where(n => n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        return TypedResults.Ok(new MarkedRead(count));
    }

    internal static IQueryable<Notification> Inbox(NotificationsDbContext db, ClaimsPrincipal user)
    {
        var recipients = Inboxes.Of(user);
        return db.Notifications.Where(n => recipients.Contains(n.RecipientId) && n.Channel == NotificationChannel.InApp);
    }

    static NotificationView ToView(Notification n) => new(n.Id, n.Kind, n.Title, n.Body, n.RequestId, n.CreatedAt, n.ReadAt);
}
