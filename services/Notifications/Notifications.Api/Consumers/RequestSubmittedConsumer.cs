using ClientRequests.Contracts.Requests;
using ClientRequests.Messaging.Inbox;
using ClientRequests.Notifications.Audience;
using ClientRequests.Notifications.Data;
using ClientRequests.Notifications.Domain;
using ClientRequests.Notifications.Email;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace ClientRequests.Notifications.Consumers;

/// <summary>
/// Tells the client's account team (in the app and by e-mail) and the subscribed integrators that a request was opened,
/// and remembers the request and the team for the events that follow.
/// </summary>
public sealed class RequestSubmittedConsumer(NotificationsDbContext db, TimeProvider clock, Notifier notifier)
    : IdempotentConsumer<RequestSubmitted, NotificationsDbContext>(db, clock)
{
    protected override string InboxName => "RequestSubmittedConsumer";

    protected override async Task ApplyAsync(ConsumeContext<RequestSubmitted> context)
    {
        var message = context.Message;
        var cancellationToken = context.CancellationToken;
        await RememberAsync(message, cancellationToken);

        var announcement = new Announcement(NotificationKinds.RequestSubmitted,
            $"New {message.Priority} {message.Type} request for {message.ClientName}",
            $"{message.Title} (opened by {message.OpenedBy}; departments: {string.Join(", ", message.DepartmentCodes)}).", message.RequestId);
        var reason = $"you are on the account team of {message.ClientName}";
        // The team as the event names it, not as stored: a newer stored team is told of the requests that follow its change.
        var recipients = message.AccountExecutiveIds.Prepend(message.AccountManagerId).Select(id => new Recipient(id, reason));
        var mail = EmailTemplates.RequestSubmitted(message);
        await notifier.NotifyAsync(context.MessageId!.Value, message, announcement, recipients, Clock.GetUtcNow(), cancellationToken, _ => mail);
    }

    async Task RememberAsync(RequestSubmitted message, CancellationToken cancellationToken)
    {
        if (!await Db.TrackedRequests.AnyAsync(r => r.RequestId == message.RequestId, cancellationToken))
            Db.TrackedRequests.Add(new TrackedRequest
            {
                RequestId = message.RequestId, ClientId = message.ClientId, ClientName = message.ClientName, Title = message.Title,
                SubmittedAt = message.SubmittedAt,
            });
        var team = await Db.ClientTeams.SingleOrDefaultAsync(t => t.ClientId == message.ClientId, cancellationToken);
        if (team is null) Db.ClientTeams.Add(team = ClientTeam.Empty(message.ClientId));
        // The team at submission; an AccountTeamChanged stamped later (even if it arrived first) keeps precedence.
        team.Apply(message.AccountManagerId, message.AccountExecutiveIds, message.SubmittedAt);
        foreach (var code in message.DepartmentCodes.Distinct(StringComparer.OrdinalIgnoreCase))
            await RequestDepartments.AddAsync(Db, message.RequestId, code, cancellationToken);
    }
}
