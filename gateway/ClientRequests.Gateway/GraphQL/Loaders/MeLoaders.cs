using ClientRequests.Departments.Grpc;
using ClientRequests.Notifications.Grpc;

namespace ClientRequests.Gateway.GraphQL.Loaders;

/// <summary>One page of the caller's work, as <c>me.work</c> asks for it.</summary>
public sealed record WorkPageKey(bool IncludeClosed, int First, string After);

/// <summary>
/// The caller's work items: one <c>DepartmentDirectory.GetAssignedWork</c> per distinct page (a query has one `me`, so
/// one call unless aliases ask for several pages). The caller is the token's user; no key names a user.
/// </summary>
public sealed class AssignedWorkLoader(DepartmentDirectory.DepartmentDirectoryClient directory) : BatchLoader<WorkPageKey, GetAssignedWorkReply>
{
    protected override async Task<IReadOnlyDictionary<WorkPageKey, GetAssignedWorkReply>> FetchAsync(
        IReadOnlyList<WorkPageKey> keys, CancellationToken cancellationToken)
    {
        var pages = new Dictionary<WorkPageKey, GetAssignedWorkReply>();
        foreach (var key in keys)
            pages[key] = await directory.GetAssignedWorkAsync(new GetAssignedWorkRequest { IncludeClosed = key.IncludeClosed, After = key.After, Limit = key.First },
                cancellationToken: cancellationToken);
        return pages;
    }
}

/// <summary>One page of the caller's inbox, or (<see cref="UnreadCount"/>) only the number of unread notifications.</summary>
public sealed record InboxPageKey(bool UnreadOnly, int First, string After, bool CountOnly)
{
    public static readonly InboxPageKey UnreadCount = new(false, 0, "", true);
}

/// <summary>
/// The caller's notifications: one <c>NotificationInbox.GetInbox</c> per distinct page. Every reply carries the unread
/// count, so <c>me { notifications unreadNotifications }</c> costs one call, not two.
/// </summary>
public sealed class InboxLoader(NotificationInbox.NotificationInboxClient inbox) : BatchLoader<InboxPageKey, GetInboxReply>
{
    protected override async Task<IReadOnlyDictionary<InboxPageKey, GetInboxReply>> FetchAsync(
        IReadOnlyList<InboxPageKey> keys, CancellationToken cancellationToken)
    {
        var replies = new Dictionary<InboxPageKey, GetInboxReply>();
        foreach (var key in keys.Where(k => !k.CountOnly))
            replies[key] = await inbox.GetInboxAsync(new GetInboxRequest { UnreadOnly = key.UnreadOnly, After = key.After, Limit = key.First },
                cancellationToken: cancellationToken);
        if (keys.Contains(InboxPageKey.UnreadCount))
            replies[InboxPageKey.UnreadCount] = replies.Values.FirstOrDefault()
                ?? await inbox.GetInboxAsync(new GetInboxRequest { CountOnly = true }, cancellationToken: cancellationToken);
        return replies;
    }
}
