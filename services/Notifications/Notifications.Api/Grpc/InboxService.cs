using ClientRequests.Notifications.Apis;
using ClientRequests.Notifications.Data;
using ClientRequests.ServiceDefaults.Paging;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Notifications.Grpc;

/// <summary>
/// The gateway's view of the caller's inbox: the same inbox, rules and page as the REST API. The inbox is the token's
/// user's (and their groups'); nothing in a message can point at another user's.
/// </summary>
public sealed class InboxService(NotificationsDbContext db, TimeProvider clock) : NotificationInbox.NotificationInboxBase
{
    public const int MaxIds = 100;

    public override async Task<GetInboxReply> GetInbox(GetInboxRequest request, ServerCallContext context)
    {
        if (!Cursor.TryDecode(request.After.Length == 0 ? null : request.After, out var after))
            throw new RpcException(new Status(StatusCode.InvalidArgument, "after: not a cursor this service issued."));
        int? limit = request.Limit == 0 ? null : request.Limit;
        if (!PageLimits.IsValid(limit))
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"limit: must be between 1 and {PageLimits.Max}."));

        var user = context.GetHttpContext().User;
        var reply = new GetInboxReply { UnreadCount = await UnreadAsync(context) };
        if (request.CountOnly) return reply;
        var page = await InboxApi.PageAsync(db, user, request.UnreadOnly, after, limit ?? PageLimits.Default, context.CancellationToken);
        reply.NextCursor = page.NextCursor ?? "";
        reply.Notifications.AddRange(page.Items.Select(n => new InboxNotification
        {
            Id = n.Id.ToString(), Kind = n.Kind, Title = n.Title, Body = n.Body, RequestId = n.RequestId?.ToString() ?? "",
            CreatedAtMs = n.CreatedAt.ToUnixTimeMilliseconds(), ReadAtMs = n.ReadAt?.ToUnixTimeMilliseconds() ?? 0,
        }));
        return reply;
    }

    public override async Task<MarkReadReply> MarkRead(MarkReadRequest request, ServerCallContext context)
    {
        var inbox = InboxApi.Inbox(db, context.GetHttpContext().User);
        DateTimeOffset? now = clock.GetUtcNow();
        int marked;
        if (request.All)
        {
            marked = await inbox.Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), context.CancellationToken);
            return new MarkReadReply { Marked = marked, UnreadCount = await UnreadAsync(context) };
        }

        var ids = ParseIds(request.Ids);
        // All or nothing: an id outside the caller's inbox answers like a missing one, and nothing is marked.
        var found = await inbox.Where(n => ids.Contains(n.Id)).ToListAsync(context.CancellationToken);
        var missing = ids.Where(id => found.All(n => n.Id != id)).ToList();
        if (missing.Count > 0)
            throw new RpcException(new Status(StatusCode.NotFound, $"ids: there is no notification '{missing[0]}'."));
        marked = found.Count(n => n.ReadAt is null);
        foreach (var notification in found) notification.MarkRead(now.Value);
        await db.SaveChangesAsync(context.CancellationToken);
        return new MarkReadReply { Marked = marked, UnreadCount = await UnreadAsync(context) };
    }

    static List<Guid> ParseIds(IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0) throw new RpcException(new Status(StatusCode.InvalidArgument, "ids: name at least one notification, or set all."));
        if (ids.Count > MaxIds) throw new RpcException(new Status(StatusCode.InvalidArgument, $"ids: at most {MaxIds} at once."));
        var parsed = new List<Guid>();
        foreach (var id in ids)
        {
            if (!Guid.TryParse(id, out var guid) || guid == Guid.Empty)
                throw new RpcException(new Status(StatusCode.InvalidArgument, $"ids: '{Shown(id)}' is not a notification id."));
            if (!parsed.Contains(guid)) parsed.Add(guid);
        }
        return parsed;
    }

    Task<int> UnreadAsync(ServerCallContext context) =>
        InboxApi.Inbox(db, context.GetHttpContext().User).CountAsync(n => n.ReadAt == null, context.CancellationToken);

    /// <summary>A caller's value echoed in a status travels in an HTTP/2 header: keep it short.</summary>
    static string Shown(string value) => value.Length <= 100 ? value : value[..100] + "…";
}
