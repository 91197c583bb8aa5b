using ClientRequests.Contracts.Clients;
using ClientRequests.Messaging.Inbox;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using ClientRequests.Notifications.Webhooks;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Notifications.Consumers;

/// <summary>
/// Keeps the client's team current, so later events reach the new team and no longer the old one. Nobody is told in the
/// app: the change was made in the clients service by someone who knows; integrators get the webhook.
/// </summary>
public sealed class AccountTeamChangedConsumer(NotificationsDbContext db, TimeProvider clock)
    : IdempotentConsumer<AccountTeamChanged, NotificationsDbContext>(db, clock)
{
    protected override string InboxName => "AccountTeamChangedConsumer";

    protected override async Task ApplyAsync(ConsumeContext<AccountTeamChanged> context)
    {
        var message = context.Message;
        var team = await Db.ClientTeams.SingleOrDefaultAsync(t => t.ClientId == message.ClientId, context.CancellationToken);
        if (team is null) Db.ClientTeams.Add(team = ClientTeam.Empty(message.ClientId));
        // Out-of-order events: the one with the latest ChangedAt wins, whatever order they arrive in.
        team.Apply(message.AccountManagerId, message.AccountExecutiveIds, message.ChangedAt);
        await WebhookFanOut.AddDeliveriesAsync(Db, NotificationKinds.AccountTeamChanged, context.MessageId!.Value, message, Clock.GetUtcNow(),
            context.CancellationToken);
    }
}
