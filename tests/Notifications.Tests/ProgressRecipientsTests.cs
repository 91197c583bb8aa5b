using ClientRequests.Notifications.Domain;
using ClientRequests.ServiceDefaults.Security;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using static Notifications.Tests.Events;
using static Notifications.Tests.Scenario;

namespace Notifications.Tests;

/// <summary>A department's progress and the request's status reach the account team, not whoever acted, and nobody else.</summary>
public sealed class ProgressRecipientsTests(NotificationsAppFixture fixture) : IClassFixture<NotificationsAppFixture>
{
    NotificationsApp App => fixture.App;

    public static TheoryData<string> ProgressKinds => new()
    {
        NotificationKinds.WorkItemClaimed, NotificationKinds.WorkItemStarted, NotificationKinds.WorkItemCompleted,
        NotificationKinds.WorkItemRejected, NotificationKinds.WorkItemHandedOver,
    };

    Task PublishProgressAsync(string kind, Guid requestId, string actor, Guid? messageId = null) => kind switch
    {
        NotificationKinds.WorkItemClaimed => App.PublishAsync(Claimed(requestId, actor), messageId),
        NotificationKinds.WorkItemStarted => App.PublishAsync(Started(requestId, actor), messageId),
        NotificationKinds.WorkItemCompleted => App.PublishAsync(Completed(requestId, actor), messageId),
        NotificationKinds.WorkItemRejected => App.PublishAsync(Rejected(requestId, actor), messageId),
        NotificationKinds.WorkItemHandedOver => App.PublishAsync(HandedOver(requestId, actor), messageId),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(ProgressKinds))]
    public async Task Work_item_progress_reaches_the_account_team_and_not_the_actor_or_a_stranger(string kind)
    {
        var (manager, executive, agent, stranger) = (NewManager(), NewExecutive(), NewAgent("billing"), NewManager());
        var request = await SubmitAsync(App, manager, [executive]);

        await PublishProgressAsync(kind, request.RequestId, agent.Id);

        foreach (var member in new[] { manager, executive })
        {
            var inbox = await InboxEventuallyAsync(App.ClientFor(member), i => i.Any(n => n.Kind == kind));
            var update = Assert.Single(inbox, n => n.Kind == kind);
            Assert.Equal(request.RequestId, update.RequestId);
            Assert.Contains("Invoice charged twice", update.Title);
        }
        // All of one event's notifications commit together: once the team has it, there is nothing more to wait for.
        Assert.Empty(await InboxAsync(App.ClientFor(agent)));
        Assert.Empty(await InboxAsync(App.ClientFor(stranger)));
    }

    [Fact]
    public async Task A_redelivered_progress_event_notifies_nobody_twice()
    {
        var (manager, executive) = (NewManager(), NewExecutive());
        var request = await SubmitAsync(App, manager, [executive]);
        var messageId = NewId.NextGuid();
        var completed = Completed(request.RequestId, "carol");

        await App.PublishAsync(completed, messageId);
        await App.PublishAsync(completed, messageId);
        var marker = StatusChanged(request, "Fulfilled");
        await App.PublishAsync(marker);
        await InboxEventuallyAsync(App.ClientFor(manager), i => i.Any(n => n.Kind == NotificationKinds.RequestStatusChanged));
        await InboxEventuallyAsync(App.ClientFor(manager), i => i.Any(n => n.Kind == NotificationKinds.WorkItemCompleted));
        await Task.Delay(1000);

        Assert.Single(await InboxAsync(App.ClientFor(executive)), n => n.Kind == NotificationKinds.WorkItemCompleted);
        // Two recipients, two channels each: four rows and no more.
        Assert.Equal(4, await App.QueryAsync(db => db.Notifications.CountAsync(n => n.EventId == messageId)));
    }

    [Fact]
    public async Task A_status_change_reaches_the_team_but_not_the_member_who_made_it()
    {
        var (manager, executive) = (NewManager(), NewExecutive());
        var request = await SubmitAsync(App, manager, [executive]);

        await App.PublishAsync(StatusChanged(request, "WaitingOnClient", actor: executive.Id));

        var inbox = await InboxEventuallyAsync(App.ClientFor(manager), i => i.Any(n => n.Kind == NotificationKinds.RequestStatusChanged));
        Assert.Contains("WaitingOnClient", Assert.Single(inbox, n => n.Kind == NotificationKinds.RequestStatusChanged).Title);
        Assert.DoesNotContain(await InboxAsync(App.ClientFor(executive)), n => n.Kind == NotificationKinds.RequestStatusChanged);
    }

    [Fact]
    public async Task A_status_change_for_a_request_never_seen_still_reaches_the_manager_it_names()
    {
        var manager = NewManager();
        var unseen = Submitted(manager);

        await App.PublishAsync(StatusChanged(unseen, "InProgress"));

        var inbox = await InboxEventuallyAsync(App.ClientFor(manager), i => i.Count > 0);
        Assert.Equal(NotificationKinds.RequestStatusChanged, Assert.Single(inbox).Kind);
    }

    [Fact]
    public async Task A_comment_reaches_the_rest_of_the_team_once_however_often_it_is_delivered()
    {
        var (manager, executive) = (NewManager(), NewExecutive());
        var request = await SubmitAsync(App, manager, [executive]);
        var comment = Comment(request, authorId: executive.Id, text: "The client called about the refund.");
        var messageId = Guid.NewGuid();

        await App.PublishAsync(comment, messageId);
        await App.PublishAsync(comment, messageId);

        await InboxEventuallyAsync(App.ClientFor(manager), i => i.Any(n => n.Kind == NotificationKinds.CommentAdded));
        await Task.Delay(500);
        var notification = Assert.Single(await InboxAsync(App.ClientFor(manager)), n => n.Kind == NotificationKinds.CommentAdded);
        Assert.Contains(executive.Id, notification.Title);
        Assert.Contains("The client called about the refund.", notification.Body);
        Assert.DoesNotContain(await InboxAsync(App.ClientFor(executive)), n => n.Kind == NotificationKinds.CommentAdded);
    }

    [Fact]
    public async Task Satisfaction_reaches_the_rest_of_the_team_by_app_and_mail_with_the_score()
    {
        var (manager, executive) = (NewManager(), NewExecutive());
        var request = await SubmitAsync(App, manager, [executive]);

        await App.PublishAsync(Satisfaction(request, recordedBy: manager.Id));

        var inbox = await InboxEventuallyAsync(App.ClientFor(executive), i => i.Any(n => n.Kind == NotificationKinds.SatisfactionRecorded));
        Assert.Contains("4/5", Assert.Single(inbox, n => n.Kind == NotificationKinds.SatisfactionRecorded).Title);
        Assert.DoesNotContain(await InboxAsync(App.ClientFor(manager)), n => n.Kind == NotificationKinds.SatisfactionRecorded);
        var mail = await App.QueryAsync(db => db.Notifications.SingleAsync(n =>
            n.RecipientId == executive.Id && n.Kind == NotificationKinds.SatisfactionRecorded && n.Channel == NotificationChannel.Email));
        Assert.Contains("Quick refund", mail.Body);
        Assert.Contains("you are on the account team of Contoso", mail.Body);
    }
}
