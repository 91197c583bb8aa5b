using ClientRequests.Messaging.Inbox;
using ClientRequests.Notifications.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using static Notifications.Tests.Events;
using static Notifications.Tests.Scenario;

namespace Notifications.Tests;

/// <summary>The local projection of account teams: updates follow the team as it is now, whatever order the changes arrive in.</summary>
public sealed class AccountTeamTests(NotificationsAppFixture fixture) : IClassFixture<NotificationsAppFixture>
{
    NotificationsApp App => fixture.App;

    [Fact]
    public async Task After_a_team_change_updates_reach_the_new_team_and_not_the_old_one_even_as_a_watcher()
    {
        var (manager, leaving, joining) = (NewManager(), NewExecutive(), NewExecutive());
        var request = await SubmitAsync(App, manager, [leaving]);
        (await App.ClientFor(leaving).PostAsync($"/api/notifications/watch/{request.RequestId}", null)).EnsureSuccessStatusCode();

        var (current, stale) = (NewId.NextGuid(), NewId.NextGuid());
        await App.PublishAsync(TeamChanged(request.ClientId, manager, [joining], DateTimeOffset.UtcNow), current);
        // A change stamped before the submission arrives late; it must not bring the old team back.
        await App.PublishAsync(TeamChanged(request.ClientId, manager, [leaving], request.SubmittedAt.AddMinutes(-5)), stale);
        await ConsumedAsync(current, stale);
        await App.PublishAsync(Started(request.RequestId, "carol"));

        await InboxEventuallyAsync(App.ClientFor(joining), i => i.Any(n => n.Kind == NotificationKinds.WorkItemStarted));
        await InboxEventuallyAsync(App.ClientFor(manager), i => i.Any(n => n.Kind == NotificationKinds.WorkItemStarted));
        Assert.DoesNotContain(await InboxAsync(App.ClientFor(leaving)), n => n.Kind == NotificationKinds.WorkItemStarted);
    }

    [Fact]
    public async Task A_team_announced_before_any_request_is_used_for_events_that_name_the_client()
    {
        var (manager, executive) = (NewManager(), NewExecutive());
        var unseen = Submitted(manager);
        var change = NewId.NextGuid();
        await App.PublishAsync(TeamChanged(unseen.ClientId, manager, [executive], DateTimeOffset.UtcNow), change);
        await ConsumedAsync(change);

        await App.PublishAsync(Satisfaction(unseen, recordedBy: manager.Id));

        var inbox = await InboxEventuallyAsync(App.ClientFor(executive), i => i.Count > 0);
        Assert.Equal(NotificationKinds.SatisfactionRecorded, Assert.Single(inbox).Kind);
    }

    /// <summary>Team changes notify nobody, so the inbox rows of their consumer are what says they were applied.</summary>
    async Task ConsumedAsync(params Guid[] messageIds)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline &&
               await App.QueryAsync(db => db.Set<InboxMessage>().CountAsync(m => messageIds.Contains(m.MessageId))) < messageIds.Length)
            await Task.Delay(100);
    }
}
