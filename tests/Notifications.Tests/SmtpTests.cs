using ClientRequests.Notifications.Domain;
using ClientRequests.Notifications.Email;
using Microsoft.EntityFrameworkCore;
using static Notifications.Tests.Scenario;

namespace Notifications.Tests;

/// <summary>E-mail through a real SMTP exchange with MailKit, against a listener on loopback the test controls.</summary>
public sealed class SmtpTests : IAsyncLifetime
{
    readonly SmtpListener smtp = SmtpListener.Start();
    NotificationsApp app = null!;

    public async ValueTask InitializeAsync() => app = await NotificationsApp.StartAsync(new Dictionary<string, string?>
    {
        ["Notifications:Email:Transport"] = "Smtp",
        ["Notifications:Email:Smtp:Host"] = "127.0.0.1",
        ["Notifications:Email:Smtp:Port"] = smtp.Port.ToString(),
        ["Notifications:Email:Smtp:Security"] = "None",
        ["Notifications:Email:Smtp:Timeout"] = "00:00:02",
        ["Notifications:Email:RecipientDomain"] = "example.test",
        ["Notifications:Email:PollInterval"] = "00:00:00.100",
        ["Notifications:Email:BaseDelay"] = "00:00:00.200",
        ["Notifications:Email:MaxDelay"] = "00:00:00.400",
    });

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        await smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_submitted_request_is_mailed_over_smtp_with_the_rendered_template()
    {
        var (manager, executive) = (NewManager(), NewExecutive());
        var submitted = Submitted(manager, executive);

        await app.PublishAsync(submitted);

        var mails = await smtp.EventuallyAsync(m => m.Count >= 2);
        Assert.Equal([$"{executive.Id}@example.test", $"{manager.Id}@example.test"], mails.SelectMany(m => m.Recipients).Order());
        var expected = EmailTemplates.RequestSubmitted(submitted);
        Assert.All(mails, mail =>
        {
            Assert.Equal("notifications@clientrequests.local", mail.From);
            Assert.Equal(mail.Recipients.Single(), mail.Message.To.Mailboxes.Single().Address);
            Assert.Equal(expected.Subject, mail.Message.Subject);
            Assert.Equal(expected.Text.ReplaceLineEndings(), mail.Message.TextBody!.ReplaceLineEndings().TrimEnd('\r', '\n'));
            Assert.Equal("request-submitted", mail.Message.Headers["X-ClientRequests-Event"]);
        });
        await AssertAllSentAsync(submitted.RequestId, 2);
        Assert.Equal(2, smtp.Received.Count);
    }

    [Fact]
    public async Task A_server_that_refuses_for_a_while_gets_the_mail_later_and_only_once()
    {
        smtp.RefuseTransaction = number => number <= 3;
        var submitted = Submitted(NewManager());

        await app.PublishAsync(submitted);

        var mail = Assert.Single(await smtp.EventuallyAsync(m => m.Count >= 1));
        Assert.Contains(submitted.RequestId.ToString(), mail.Message.TextBody);
        var email = await AssertAllSentAsync(submitted.RequestId, 1);
        // Three refusals; on a busy machine an attempt may also run out of time, which counts as one more failure.
        Assert.InRange(Assert.Single(email).FailedAttempts, 3, 6);
        await Task.Delay(500);
        Assert.Single(smtp.Received);
    }

    [Fact]
    public async Task A_refused_recipient_is_kept_for_later_and_holds_up_neither_other_mail_nor_the_inbox()
    {
        var (refused, mailed) = (NewManager(), NewExecutive());
        smtp.RefuseRecipient = address => address.StartsWith(refused.Id, StringComparison.Ordinal);
        var submitted = Submitted(refused, mailed);

        await app.PublishAsync(submitted);

        var mails = await smtp.EventuallyAsync(m => m.Count >= 1);
        Assert.Equal($"{mailed.Id}@example.test", Assert.Single(mails).Recipients.Single());
        Assert.Single(await InboxEventuallyAsync(app.ClientFor(refused), i => i.Count == 1));
        var kept = await EventuallyAsync(async () => await EmailOfAsync(refused.Id), e => e?.FailedAttempts >= 2);
        Assert.NotNull(kept);
        Assert.Null(kept.SentAt);
        Assert.True(kept.FailedAttempts >= 2);

        smtp.RefuseRecipient = _ => false;
        await smtp.EventuallyAsync(m => m.Count >= 2);
        Assert.Equal([$"{mailed.Id}@example.test", $"{refused.Id}@example.test"], smtp.Received.SelectMany(m => m.Recipients).Order());
    }

    [Fact]
    public async Task A_server_that_never_answers_fails_within_the_timeout_and_the_mail_goes_once_it_is_back()
    {
        smtp.Hang = true;
        var manager = NewManager();
        var submitted = Submitted(manager);

        await app.PublishAsync(submitted);

        // In the app at once, whatever the mail server does.
        Assert.Single(await InboxEventuallyAsync(app.ClientFor(manager), i => i.Count == 1));
        var waiting = await EventuallyAsync(async () => await EmailOfAsync(manager.Id), e => e?.FailedAttempts >= 2);
        Assert.True(waiting?.FailedAttempts >= 2, "each attempt should give up after the 2 s timeout");
        Assert.Null(waiting!.SentAt);

        smtp.Hang = false;
        var mail = Assert.Single(await smtp.EventuallyAsync(m => m.Count >= 1));
        Assert.Contains(submitted.RequestId.ToString(), mail.Message.TextBody);
    }

    Task<Notification?> EmailOfAsync(string recipient) => app.QueryAsync(db => db.Notifications.AsNoTracking()
        .SingleOrDefaultAsync(n => n.RecipientId == recipient && n.Channel == NotificationChannel.Email));

    async Task<List<Notification>> AssertAllSentAsync(Guid requestId, int count)
    {
        var emails = await EventuallyAsync(
            () => app.QueryAsync(db => db.Notifications.AsNoTracking()
                .Where(n => n.RequestId == requestId && n.Channel == NotificationChannel.Email).ToListAsync()),
            e => e.Count == count && e.All(n => n.SentAt != null));
        Assert.Equal(count, emails.Count);
        Assert.All(emails, e => Assert.NotNull(e.SentAt));
        return emails;
    }

    static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        var value = await read();
        while (!condition(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            value = await read();
        }
        return value;
    }
}
