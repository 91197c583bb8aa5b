using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using ClientRequests.ServiceDefaults.Paging;
using ClientRequests.ServiceDefaults.Problems;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static ClientRequests.Notifications.Apis.InboxApi;

namespace ClientRequests.Notifications.Apis;

/// <summary>
/// The caller's new in-app notifications as Server-Sent Events. Each event's id is an inbox cursor, so a client
/// that reconnects with Last-Event-ID gets what it missed, then the live stream.
/// </summary>
public static class StreamApi
{
    public const string NotificationEvent = "notification";
    public const string HeartbeatEvent = "heartbeat";

    public static RouteHandlerBuilder MapStreamApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/notifications/stream", Stream).WithTags("Inbox").RequireAuthorization(Policies.AnyUser);

    static Results<ServerSentEventsResult<object>, ValidationProblem> Stream([FromHeader(Name = "Last-Event-ID")] string? lastEventId,
        ClaimsPrincipal user, NotificationsDbContext db, IOptions<StreamOptions> options, TimeProvider clock, IHostApplicationLifetime lifetime,
        CancellationToken cancellationToken)
    {
        if (!Cursor.TryDecode(lastEventId, out var cursor))
            return Problem.Invalid("Last-Event-ID", "'Last-Event-ID' is not an event id this service issued.");
        return TypedResults.ServerSentEvents(FollowUntilStoppingAsync(Inboxes.Of(user), cursor, db, options.Value, clock, lifetime, cancellationToken));
    }

    /// <summary>Ends the stream when the service stops, so an open stream never holds up a shutdown; clients reconnect.</summary>
    static async IAsyncEnumerable<SseItem<object>> FollowUntilStoppingAsync(IReadOnlyList<string> recipients, Cursor? resumeAfter, NotificationsDbContext db,
        StreamOptions options, TimeProvider clock, IHostApplicationLifetime lifetime, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var items = FollowAsync(recipients, resumeAfter, db, options, clock, ended.Token).WithCancellation(ended.Token).ConfigureAwait(false);
        await using var enumerator = items.GetAsyncEnumerator();
        while (true)
        {
            try
            {
                if (!await enumerator.MoveNextAsync()) yield break;
            }
            catch (OperationCanceledException) when (ended.IsCancellationRequested)
            {
                yield break;
            }
            yield return enumerator.Current;
        }
    }

    static async IAsyncEnumerable<SseItem<object>> FollowAsync(IReadOnlyList<string> recipients, Cursor? resumeAfter, NotificationsDbContext db, StreamOptions options,
        TimeProvider clock, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Without Last-Event-ID the stream starts now: the history is what the inbox list is for.
        var position = resumeAfter ?? new Cursor(clock.GetUtcNow(), Guid.Empty);
        var exact = resumeAfter is not null;
        var sent = new Dictionary<Guid, DateTimeOffset>();
        // The first heartbeat goes out after the first read: it carries the response's headers, so a client (or a proxy)
        // knows at once that the stream is open instead of waiting for the first notification or interval.
        var lastWrite = DateTimeOffset.MinValue;
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await NextAsync(db, recipients, position, exact, sent.Keys.ToList(), options, cancellationToken);
            exact = false;
            foreach (var notification in batch.Where(n => sent.TryAdd(n.Id, n.CreatedAt)))
            {
                var at = new Cursor(notification.CreatedAt, notification.Id);
                if (at.At > position.At || (at.At == position.At && at.Id.CompareTo(position.Id) > 0)) position = at;
                lastWrite = clock.GetUtcNow();
                yield return new SseItem<object>(ToStreamView(notification), NotificationEvent) { EventId = position.Encode() };
            }
            foreach (var old in sent.Where(s => s.Value < position.At - options.Lookback).Select(s => s.Key).ToList()) sent.Remove(old);

            if (clock.GetUtcNow() - lastWrite >= options.HeartbeatInterval)
            {
                lastWrite = clock.GetUtcNow();
                yield return new SseItem<object>(new { at = lastWrite }, HeartbeatEvent);
            }
            try { await Task.Delay(options.PollInterval, clock, cancellationToken); }
            catch (OperationCanceledException) { yield break; }
        }
    }

    /// <summary>
    /// What follows the cursor and, once live, what committed late: rows a little older than the cursor that were not
    /// sent yet (a transaction that took its time while a newer one committed first).
    /// </summary>
    static async Task<List<Notification>> NextAsync(NotificationsDbContext db, IReadOnlyList<string> recipients, Cursor position, bool exact,
        IReadOnlyCollection<Guid> sent, StreamOptions options, CancellationToken cancellationToken)
    {
        var inbox = db.Notifications.AsNoTracking().Where(n => recipients.Contains(n.RecipientId) && n.Channel == NotificationChannel.InApp);
        var next = await inbox.Where(n => n.CreatedAt > position.At || (n.CreatedAt == position.At && n.Id.CompareTo(position.Id) > 0))
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).Take(PageLimits.Max).ToListAsync(cancellationToken);
        if (exact) return next;
        var floor = position.At - options.Lookback;
        var late = await inbox.Where(n => n.CreatedAt >= floor && n.CreatedAt <= position.At && !sent.Contains(n.Id))
            .OrderBy(n => n.CreatedAt).ThenBy(n => n.Id).Take(PageLimits.Max).ToListAsync(cancellationToken);
        return [.. late, .. next];
    }

    static NotificationView ToStreamView(Notification n) => new(n.Id, n.Kind, n.Title, n.Body, n.RequestId, n.CreatedAt, n.ReadAt);
}
