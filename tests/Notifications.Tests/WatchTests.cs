using System.Net;
using ClientRequests.Notifications.Domain;
using static Notifications.Tests.Events;
using static Notifications.Tests.Scenario;

namespace Notifications.Tests;

/// <summary>POST/DELETE /api/notifications/watch/{requestId}: who may follow a request, and what following brings.</summary>
public sealed class WatchTests(NotificationsAppFixture fixture) : IClassFixture<NotificationsAppFixture>
{
    NotificationsApp App => fixture.App;

    static string WatchUrl(Guid requestId) => $"/api/notifications/watch/{requestId}";

    [Fact]
    public async Task A_watcher_from_a_department_on_the_request_receives_its_updates_until_unwatching()
    {
        var department = NewDepartment();
        var (manager, agent) = (NewManager(), NewAgent(department));
        var request = await SubmitAsync(App, manager, [], department);
        var client = App.ClientFor(agent);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync(WatchUrl(request.RequestId), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync(WatchUrl(request.RequestId), null)).StatusCode);
        await App.PublishAsync(StatusChanged(request, "InProgress"));

        var inbox = await InboxEventuallyAsync(client, i => i.Count > 0);
        Assert.Equal(NotificationKinds.RequestStatusChanged, Assert.Single(inbox).Kind);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(WatchUrl(request.RequestId))).StatusCode);
        await App.PublishAsync(StatusChanged(request, "Fulfilled"));
        await InboxEventuallyAsync(App.ClientFor(manager), i => i.Any(n => n.Title.Contains("Fulfilled")));
        Assert.Single(await InboxAsync(client));
    }

    [Fact]
    public async Task An_analyst_may_watch_any_request_and_hears_of_progress_by_mail_too()
    {
        var analyst = NewAnalyst();
        var request = await SubmitAsync(App, NewManager(), []);

        (await App.ClientFor(analyst).PostAsync(WatchUrl(request.RequestId), null)).EnsureSuccessStatusCode();
        await App.PublishAsync(Completed(request.RequestId, "carol"));

        var inbox = await InboxEventuallyAsync(App.ClientFor(analyst), i => i.Count > 0);
        Assert.Equal(NotificationKinds.WorkItemCompleted, Assert.Single(inbox).Kind);
        var mail = await App.QueryAsync(db => Task.FromResult(db.Notifications.Single(n =>
            n.RecipientId == analyst.Id && n.Channel == NotificationChannel.Email)));
        Assert.Contains("you watch this request", mail.Body);
    }

    [Fact]
    public async Task Someone_who_may_not_read_the_request_cannot_watch_it_and_hears_nothing()
    {
        var (manager, stranger, otherAgent) = (NewManager(), NewManager(), NewAgent(NewDepartment()));
        var request = await SubmitAsync(App, manager, []);

        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor(stranger).PostAsync(WatchUrl(request.RequestId), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor(otherAgent).PostAsync(WatchUrl(request.RequestId), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor(NewAnalyst()).PostAsync(WatchUrl(Guid.NewGuid()), null)).StatusCode);
        await App.PublishAsync(StatusChanged(request, "InProgress"));

        await InboxEventuallyAsync(App.ClientFor(manager), i => i.Any(n => n.Kind == NotificationKinds.RequestStatusChanged));
        Assert.Empty(await InboxAsync(App.ClientFor(stranger)));
        Assert.Empty(await InboxAsync(App.ClientFor(otherAgent)));
    }

    [Fact]
    public async Task Staff_of_the_department_a_request_was_handed_over_to_may_watch_it()
    {
        var (from, to) = (NewDepartment(), NewDepartment());
        var (manager, newcomer) = (NewManager(), NewAgent(to));
        var request = await SubmitAsync(App, manager, [], from);
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor(newcomer).PostAsync(WatchUrl(request.RequestId), null)).StatusCode);

        await App.PublishAsync(HandedOver(request.RequestId, "carol", to));
        await InboxEventuallyAsync(App.ClientFor(manager), i => i.Any(n => n.Kind == NotificationKinds.WorkItemHandedOver));

        Assert.Equal(HttpStatusCode.NoContent, (await App.ClientFor(newcomer).PostAsync(WatchUrl(request.RequestId), null)).StatusCode);
    }
}
