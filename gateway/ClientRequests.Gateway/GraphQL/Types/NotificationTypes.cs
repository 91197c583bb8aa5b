using ClientRequests.Gateway.GraphQL.Loaders;
using ClientRequests.Notifications.Grpc;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.Gateway.GraphQL.Types;

public sealed record NotificationPage(IReadOnlyList<InboxNotification> Nodes, string NextCursor);

public sealed class NotificationConnectionType : ObjectGraphType<NotificationPage>
{
    public NotificationConnectionType()
    {
        Name = "NotificationConnection";
        // The page size already multiplied the cost at `notifications`.
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<NotificationType>>>>("nodes").WithComplexityImpact(1, 1).Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<PageInfoType>>("pageInfo").Resolve(c => new PageCursor(c.Source.NextCursor));
    }
}

public sealed class NotificationType : ObjectGraphType<InboxNotification>
{
    public NotificationType()
    {
        Name = "Notification";
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => c.Source.Id);
        Field<NonNullGraphType<StringGraphType>>("kind").Description("What happened, e.g. comment-added or work-item-claimed.").Resolve(c => c.Source.Kind);
        Field<NonNullGraphType<StringGraphType>>("title").Resolve(c => c.Source.Title);
        Field<NonNullGraphType<StringGraphType>>("body").Resolve(c => c.Source.Body);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => DateTimeOffset.FromUnixTimeMilliseconds(c.Source.CreatedAtMs));
        Field<DateTimeOffsetGraphType>("readAt").Resolve(c => c.Source.ReadAtMs == 0 ? null : DateTimeOffset.FromUnixTimeMilliseconds(c.Source.ReadAtMs));
        Field<NonNullGraphType<BooleanGraphType>>("read").Resolve(c => c.Source.ReadAtMs != 0);
        Field<IdGraphType>("requestId").Resolve(c => c.Source.RequestId.Length == 0 ? null : c.Source.RequestId);
        Field<RequestType>("request")
            .Description("The request it is about; null when none, or the caller may no longer see it. One call for every notification of the level.")
            .Resolve(c => c.Source.RequestId.Length == 0
                ? null
                : c.RequestServices!.GetRequiredService<RequestLoader>().Load(c.Source.RequestId)
                    .Then(entry => entry is null ? null : new RequestNode(entry, HasWorkItems: true)));
    }
}

public sealed record MarkedRead(int Marked, int UnreadNotifications);

public sealed class MarkNotificationsReadPayloadType : ObjectGraphType<MarkedRead>
{
    public MarkNotificationsReadPayloadType()
    {
        Name = "MarkNotificationsReadPayload";
        Field<NonNullGraphType<IntGraphType>>("marked").Description("Notifications that were unread and are read now.").Resolve(c => c.Source.Marked);
        Field<NonNullGraphType<IntGraphType>>("unreadNotifications").Resolve(c => c.Source.UnreadNotifications);
    }
}
