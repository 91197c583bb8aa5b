using ClientRequests.Notifications.Domain;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using static Notifications.Tests.Scenario;

namespace Notifications.Tests;

public sealed class RequestSubmittedTests(NotificationsAppFixture fixture) : IClassFixture<NotificationsAppFixture>
{
    NotificationsApp App => fixture.App;

    [Fact]
    public async Task A_submitted_request_notifies_the_account_manager_and_each_executive()
    {
        var (manager, first, second) = (NewManager(), NewExecutive(), NewExecutive());
        var submitted = Submitted(manager, first, second);

        await App.PublishAsync(submitted);

        foreach (var user in new[] { manager, first, second })
        {
            var inbox = await InboxEventuallyAsync(App.ClientFor(user), i => i.Count > 0);
            var notification = Assert.Single(inbox);
            Assert.Equal(submitted.RequestId, notification.RequestId);
            Assert.Equal(NotificationKinds.RequestSubmitted, notification.Kind);
            Assert.Contains("Contoso", notification.Title);
            Assert.Null(notification.ReadAt);
        }
    }

    [Fact]
    public async Task The_same_event_delivered_twice_notifies_each_recipient_once()
    {
        var (manager, executive) = (NewManager(), NewExecutive());
        var duplicated = Submitted(manager, executive);
        var messageId = NewId.NextGuid();

        // As when the sender's dispatcher dies between the broker's confirm and marking its outbox row sent.
        await App.PublishAsync(duplicated, messageId);
        await App.PublishAsync(duplicated, messageId);
        // Once this later event is in, both copies have been consumed or are in flight: give them a moment more.
        var marker = Submitted(manager);
        await App.PublishAsync(marker);
        await InboxEventuallyAsync(App.ClientFor(manager), i => i.Any(n => n.RequestId == marker.RequestId));
        await Task.Delay(1000);

        Assert.Single(await InboxAsync(App.ClientFor(manager)), n => n.RequestId == duplicated.RequestId);
        Assert.Single(await InboxAsync(App.ClientFor(executive)));
        Assert.Equal(2, await App.QueryAsync(db => db.Notifications.CountAsync(n => n.EventId == messageId && n.Channel == NotificationChannel.InApp)));
        Assert.Equal(2, await App.QueryAsync(db => db.Notifications.CountAsync(n => n.EventId == messageId && n.Channel == NotificationChannel.Email)));
    }

    [Fact]
    public async Task A_manager_also_listed_as_executive_is_notified_once()
    {
        var manager = NewManager();
        var submitted = Submitted(manager, manager);

        await App.PublishAsync(submitted);

        var inbox = await InboxEventuallyAsync(App.ClientFor(manager), i => i.Count > 0);
        await Task.Delay(500);
        Assert.Single(await InboxAsync(App.ClientFor(manager)));
        Assert.Equal(submitted.RequestId, inbox[0].RequestId);
    }

    [Fact]
    public async Task The_database_refuses_a_second_notification_for_the_same_event_recipient_and_channel()
    {
        var eventId = Guid.NewGuid();
        var recipient = NewManager().Id;
        Notification Copy() => new()
        {
            Id = Guid.NewGuid(), RecipientId = recipient, Channel = NotificationChannel.InApp, EventId = eventId,
            Kind = NotificationKinds.RequestSubmitted, Title = "t", Body = "b", CreatedAt = DateTimeOffset.UtcNow,
        };

        await App.QueryAsync(db => { db.Notifications.Add(Copy()); return db.SaveChangesAsync(); });

        await Assert.ThrowsAsync<DbUpdateException>(() => App.QueryAsync(db => { db.Notifications.Add(Copy()); return db.SaveChangesAsync(); }));
    }
}
