using ClientRequests.Notifications.Email;
using MassTransit;
using MimeKit;
using static ClientRequests.Notifications.Tests.Scenario;

namespace ClientRequests.Notifications.Tests;

public sealed class EmailTests : IAsyncLifetime
{
    NotificationsApp app = null!;

    string MailFolder => Path.Combine(app.DataFolder, "mail");

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

        var messages = await MailEventuallyAsync(count: 2);
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

        await MailEventuallyAsync(messages => messages.Any(m => m.TextBody?.Contains(marker.RequestId.ToString()) == true));
        await Task.Delay(1000);

        Assert.Equal(2, (await ReadMailAsync()).Count);
    }

    async Task<List<MimeMessage>> ReadMailAsync()
    {
        if (!Directory.Exists(MailFolder)) return [];
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.GetFiles(MailFolder, "*.eml"))
            messages.Add(await MimeMessage.LoadAsync(file));
        return messages;
    }

    Task<List<MimeMessage>> MailEventuallyAsync(int count) => MailEventuallyAsync(messages => messages.Count >= count);

    async Task<List<MimeMessage>> MailEventuallyAsync(Func<List<MimeMessage>, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var messages = await ReadMailAsync();
        while (!condition(messages) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            messages = await ReadMailAsync();
        }
        return messages;
    }
}
