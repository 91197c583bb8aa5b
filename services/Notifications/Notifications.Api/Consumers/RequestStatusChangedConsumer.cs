using ClientRequests.Contracts.Requests;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using MassTransit;

namespace ClientRequests.Notifications.Consumers;

/// <summary>A new status reaches the account team and the watchers, except whoever changed it.</summary>
public sealed class RequestStatusChangedConsumer(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : TeamAndWatchersConsumer<RequestStatusChanged>(db, clock, notifier)
{
    protected override string InboxName => "RequestStatusChangedConsumer";

    protected override Task ApplyAsync(ConsumeContext<RequestStatusChanged> context)
    {
        var m = context.Message;
        var by = m.ActorId == "system" ? "as its departments progressed" : $"by {m.ActorId}";
        return TellAsync(context, m.RequestId, m.ActorId, NotificationKinds.RequestStatusChanged, label => $"{label} is now {m.Status}",
            $"The request was moved to {m.Status} {by}.", m.ClientId, managerFromEvent: m.AccountManagerId);
    }
}
