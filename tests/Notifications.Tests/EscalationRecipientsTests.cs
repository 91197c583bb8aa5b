using ClientRequests.Notifications.Domain;
using Microsoft.EntityFrameworkCore;
using static Notifications.Tests.Events;
using static Notifications.Tests.Scenario;

namespace Notifications.Tests;

/// <summary>SLA escalations and new queue work: to a user, or to a department's group inbox read by its leads or staff.</summary>
public sealed class EscalationRecipientsTests(NotificationsAppFixture fixture) : IClassFixture<NotificationsAppFixture>
{
    NotificationsApp App => fixture.App;

    [Fact]
    public async Task A_department_clock_at_risk_reaches_that_departments_leads_only()
    {
        var department = NewDepartment();
        var (manager, lead, agent, otherLead) = (NewManager(), NewLead(department), NewAgent(department), NewLead(NewDepartment()));
        var request = await SubmitAsync(App, manager, [], department);

        // The requests service names the group with the code as the department spells it; case does not matter.
        await App.PublishAsync(AtRisk(request, $"department-lead:{department.ToUpperInvariant()}", department));

        var inbox = await InboxEventuallyAsync(App.ClientFor(lead), i => i.Count > 0);
        Assert.Equal(NotificationKinds.SlaAtRisk, Assert.Single(inbox).Kind);
        Assert.Contains("8 h 00 min of its 10 h 00 min", inbox[0].Body);
        Assert.Empty(await InboxAsync(App.ClientFor(agent)));
        Assert.Empty(await InboxAsync(App.ClientFor(otherLead)));
        Assert.DoesNotContain(await InboxAsync(App.ClientFor(manager)), n => n.Kind == NotificationKinds.SlaAtRisk);
        // A group has no mailbox: the in-app row is all there is.
        Assert.Equal(0, await App.QueryAsync(db => db.Notifications.CountAsync(n =>
            n.Kind == NotificationKinds.SlaAtRisk && n.RequestId == request.RequestId && n.Channel == NotificationChannel.Email)));
    }

    [Fact]
    public async Task A_group_notification_read_by_one_lead_is_read_for_the_others()
    {
        var department = NewDepartment();
        var (first, second) = (NewLead(department), NewLead(department));
        var request = await SubmitAsync(App, NewManager(), [], department);
        await App.PublishAsync(AtRisk(request, Groups.LeadsOf(department), department));
        var notification = (await InboxEventuallyAsync(App.ClientFor(first), i => i.Count > 0)).Single();

        (await App.ClientFor(first).PostAsync($"/api/notifications/{notification.Id}/read", null)).EnsureSuccessStatusCode();

        Assert.NotNull(Assert.Single(await InboxAsync(App.ClientFor(second))).ReadAt);
    }

    [Fact]
    public async Task A_request_clock_at_risk_reaches_the_account_manager_it_escalates_to_and_not_the_executives()
    {
        var (manager, executive) = (NewManager(), NewExecutive());
        var request = await SubmitAsync(App, manager, [executive]);

        await App.PublishAsync(AtRisk(request, manager.Id));

        await InboxEventuallyAsync(App.ClientFor(manager), i => i.Any(n => n.Kind == NotificationKinds.SlaAtRisk));
        Assert.DoesNotContain(await InboxAsync(App.ClientFor(executive)), n => n.Kind == NotificationKinds.SlaAtRisk);
    }

    [Fact]
    public async Task A_breach_reaches_the_escalation_target_and_the_whole_account_team_once_each()
    {
        var department = NewDepartment();
        var (manager, executive, lead, stranger) = (NewManager(), NewExecutive(), NewLead(department), NewExecutive());
        var request = await SubmitAsync(App, manager, [executive], department);

        await App.PublishAsync(Breached(request, $"department-lead:{department}", department));

        foreach (var user in new[] { lead, manager, executive })
        {
            var inbox = await InboxEventuallyAsync(App.ClientFor(user), i => i.Any(n => n.Kind == NotificationKinds.SlaBreached));
            Assert.Contains("SLA breached", Assert.Single(inbox, n => n.Kind == NotificationKinds.SlaBreached).Title);
        }
        Assert.Empty(await InboxAsync(App.ClientFor(stranger)));
    }

    [Fact]
    public async Task Queued_work_reaches_the_departments_staff_and_not_the_account_team_or_other_departments()
    {
        var department = NewDepartment();
        var (manager, agent, lead, outsider) = (NewManager(), NewAgent(department), NewLead(department), NewAgent(NewDepartment()));
        var request = await SubmitAsync(App, manager, [], department);

        await App.PublishAsync(Queued(request.RequestId, department));

        foreach (var member in new[] { agent, lead })
        {
            var inbox = await InboxEventuallyAsync(App.ClientFor(member), i => i.Count > 0);
            Assert.Equal(NotificationKinds.WorkItemQueued, Assert.Single(inbox).Kind);
        }
        Assert.Empty(await InboxAsync(App.ClientFor(outsider)));
        Assert.DoesNotContain(await InboxAsync(App.ClientFor(manager)), n => n.Kind == NotificationKinds.WorkItemQueued);
    }
}
