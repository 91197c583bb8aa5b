using ClientRequests.Notifications.Email;
using MassTransit;
using static Notifications.Tests.Scenario;

namespace Notifications.Tests;

public sealed class EmailTests : IAsyncLifetime
{
    NotificationsApp app = null!;

    public async ValueTask InitializeAsync() => app = await NotificationsApp.StartAsync(new Dictionary<string, string?>
    {
        ["Notifications:Email:RecipientDomain"] = "example.test",
        ["Notifications:Email:PollInterval"] = "00:00:00.100",
    });

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task A_submitted_request_mails_each_account_team_member_from_the_request_submitted_template()
    {
        var (manager, executive) = (NewManager(), NewExecutive());
        var submitted = Submitted(manager, executive);

        await app.PublishAsync(submitted);

        var messages = await Mailbox.EventuallyAsync(app, m => m.Count >= 2);
        Assert.Equal([$"{executive.Id}@example.test", $"{manager.Id}@example.test"],
            messages.Select(m => m.To.Mailboxes.Single().Address).Order());
        var expected = EmailTemplates.RequestSubmitted(submitted);
        Assert.All(messages, m =>
        {
            Assert.Equal(expected.Subject, m.Subject);
            Assert.Contains("Invoice charged twice", m.TextBody);
            Assert.Contains(submitted.RequestId.ToString(), m.TextBody);
            Assert.Equal("notifications@clientrequests.local", m.From.Mailboxes.Single().Address);
        });
    }

    [Fact]
    public async Task The_same_event_delivered_twice_is_mailed_once()
    {
        var manager = NewManager();
        var messageId = NewId.NextGuid();
        await app.PublishAsync(Submitted(manager), messageId);
        await app.PublishAsync(Submitted(manager), messageId);
        var marker = Submitted(NewManager());
        await app.PublishAsync(marker);

        await Mailbox.EventuallyAsync(app, messages => messages.Any(m => m.TextBody?.Contains(marker.RequestId.ToString()) == true));
        await Task.Delay(1000);

        Assert.Equal(2, (await Mailbox.ReadAsync(app)).Count);
    }
}
