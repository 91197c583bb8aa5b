using System.Globalization;
using System.Net.Http.Json;
using ClientRequests.Notifications.Domain;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using static ClientRequests.Notifications.Apis.PreferencesApi;
using static Notifications.Tests.Scenario;

namespace Notifications.Tests;

/// <summary>
/// Preferences applied to real events: in-app at once, e-mail held until it is due. The due time is hours away, so the
/// tests bring it forward in the database (as the clock would) and watch the dispatcher send what became due.
/// </summary>
public sealed class QuietHoursAndDigestTests : IAsyncLifetime
{
    NotificationsApp app = null!;

    public async ValueTask InitializeAsync() => app = await NotificationsApp.StartAsync(new Dictionary<string, string?>
    {
        ["Notifications:Email:PollInterval"] = "00:00:00.100",
    });

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task During_quiet_hours_the_inbox_gets_the_notification_at_once_and_the_email_waits_for_their_end()
    {
        var manager = NewManager();
        var now = DateTimeOffset.UtcNow;
        var (start, end) = (now.AddHours(-1), now.AddHours(2));
        await PutAsync(manager, new PreferencesInput(TimeZone: "Asia/Tokyo", QuietHours: new QuietHoursInput(Tokyo(start), Tokyo(end))));

        await app.PublishAsync(Submitted(manager));

        Assert.Single(await InboxEventuallyAsync(app.ClientFor(manager), i => i.Count == 1));
        var held = await EmailsOfAsync(manager.Id);
        var email = Assert.Single(held);
        Assert.False(email.Digest);
        Assert.InRange(email.DueAt, end.AddMinutes(-1), end.AddMinutes(1));
        await Task.Delay(500);
        Assert.Empty(await Mailbox.ReadAsync(app));

        await MakeDueAsync(manager.Id);
        var mail = Assert.Single(await Mailbox.EventuallyAsync(app, m => m.Count == 1));
        Assert.Equal($"{manager.Id}@clientrequests.local", mail.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task Digest_kinds_are_collected_into_one_email_per_user_and_other_kinds_go_at_once()
    {
        var (digested, other) = (NewManager(), NewManager());
        await PutAsync(digested, new PreferencesInput(Kinds: new() { ["request-submitted"] = new KindInput(Delivery: "digest") }));
        var (first, second) = (Submitted(digested), Submitted(digested));
        first = first with { Title = "First request of the day" };
        second = second with { Title = "Second request of the day" };

        await app.PublishAsync(first);
        await app.PublishAsync(second);
        await app.PublishAsync(Submitted(other));

        Assert.Equal(2, (await InboxEventuallyAsync(app.ClientFor(digested), i => i.Count == 2)).Count);
        var immediate = Assert.Single(await Mailbox.EventuallyAsync(app, m => m.Count == 1));
        Assert.Equal($"{other.Id}@clientrequests.local", immediate.To.Mailboxes.Single().Address);
        var waiting = await EmailsOfAsync(digested.Id);
        Assert.Equal(2, waiting.Count);
        Assert.All(waiting, e => Assert.True(e.Digest && e.SentAt is null && e.DueAt > DateTimeOffset.UtcNow));

        await MakeDueAsync(digested.Id);

        var mails = await Mailbox.EventuallyAsync(app, m => m.Count == 2);
        await Task.Delay(500);
        var digest = Assert.Single(await Mailbox.ReadAsync(app), m => m.To.Mailboxes.Single().Address == $"{digested.Id}@clientrequests.local");
        Assert.Equal("[ClientRequests] Your digest: 2 notifications", digest.Subject);
        Assert.Contains(first.RequestId.ToString(), digest.TextBody);
        Assert.Contains(second.RequestId.ToString(), digest.TextBody);
        Assert.Contains("First request of the day", digest.TextBody);
        Assert.Contains("Second request of the day", digest.TextBody);
        Assert.Equal(2, mails.Count);
        Assert.All(await EmailsOfAsync(digested.Id), e => Assert.NotNull(e.SentAt));
    }

    static string Tokyo(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo")).ToString("HH:mm", CultureInfo.InvariantCulture);

    async Task PutAsync(PlatformUser user, PreferencesInput input) =>
        (await app.ClientFor(user).PutAsJsonAsync("/api/notifications/preferences", input)).EnsureSuccessStatusCode();

    async Task<List<Notification>> EmailsOfAsync(string recipient)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        List<Notification> emails;
        do emails = await app.QueryAsync(db => db.Notifications.AsNoTracking()
                .Where(n => n.RecipientId == recipient && n.Channel == NotificationChannel.Email).ToListAsync());
        while (emails.Count == 0 && DateTime.UtcNow < deadline);
        return emails;
    }

    /// <summary>What the clock would do hours from now: the held e-mails become due.</summary>
    Task MakeDueAsync(string recipient) => app.QueryAsync(db => db.Notifications
        .Where(n => n.RecipientId == recipient && n.Channel == NotificationChannel.Email)
        .ExecuteUpdateAsync(s => s.SetProperty(n => n.DueAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
}
