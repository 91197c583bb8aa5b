using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static ClientRequests.Notifications.Apis.PreferencesApi;
using static Notifications.Tests.Scenario;

namespace Notifications.Tests;

public sealed class PreferencesTests : IAsyncLifetime
{
    const string Path = "/api/notifications/preferences";
    NotificationsApp app = null!;

    public async ValueTask InitializeAsync() => app = await NotificationsApp.StartAsync(new Dictionary<string, string?>
    {
        ["Notifications:Email:PollInterval"] = "00:00:00.100",
    });

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task A_user_without_preferences_is_told_in_the_app_and_by_email_at_once_in_utc()
    {
        var preferences = await app.ClientFor(NewManager()).GetFromJsonAsync<PreferencesView>(Path);

        Assert.NotNull(preferences);
        Assert.Equal((true, true, null, "UTC", null), (preferences.InApp, preferences.Email, preferences.EmailAddress, preferences.TimeZone, preferences.QuietHours));
        Assert.Empty(preferences.Kinds);
    }

    [Fact]
    public async Task Preferences_per_kind_time_zone_and_quiet_hours_are_kept_and_read_back()
    {
        var client = app.ClientFor(NewManager());
        var input = new PreferencesInput(InApp: true, Email: false, EmailAddress: "pat@example.test", TimeZone: "Europe/Paris",
            QuietHours: new QuietHoursInput("22:00", "07:00"), Kinds: new()
            {
                ["sla-breached"] = new KindInput(Email: true),
                ["work-item-started"] = new KindInput(InApp: false, Email: true, Delivery: "digest"),
            });

        var put = await client.PutAsJsonAsync(Path, input);
        put.EnsureSuccessStatusCode();
        var read = await client.GetFromJsonAsync<PreferencesView>(Path);

        Assert.NotNull(read);
        Assert.Equal((true, false, "pat@example.test", "Europe/Paris"), (read.InApp, read.Email, read.EmailAddress, read.TimeZone));
        Assert.Equal(new QuietHoursView("22:00", "07:00"), read.QuietHours);
        Assert.Equal(new KindView(true, true, "immediate"), read.Kinds["sla-breached"]);
        Assert.Equal(new KindView(false, true, "digest"), read.Kinds["work-item-started"]);
        Assert.Equal(2, read.Kinds.Count);
    }

    [Fact]
    public async Task Email_goes_to_the_preferred_address_and_not_at_all_once_turned_off()
    {
        var (mailed, silent) = (NewManager(), NewExecutive());
        (await app.ClientFor(mailed).PutAsJsonAsync(Path, new PreferencesInput(InApp: false, EmailAddress: "pat@example.test"))).EnsureSuccessStatusCode();
        (await app.ClientFor(silent).PutAsJsonAsync(Path, new PreferencesInput(Email: false))).EnsureSuccessStatusCode();

        await app.PublishAsync(Submitted(mailed, silent));

        var silentInbox = await InboxEventuallyAsync(app.ClientFor(silent), i => i.Count == 1);
        Assert.Single(silentInbox);
        var mail = await Mailbox.EventuallyAsync(app, m => m.Count > 0);
        await Task.Delay(500);
        Assert.Equal("pat@example.test", Assert.Single(await Mailbox.ReadAsync(app)).To.Mailboxes.Single().Address);
        Assert.Single(mail);
        Assert.Empty(await InboxAsync(app.ClientFor(mailed)));
    }

    public static TheoryData<string, string> BadPreferences => new()
    {
        { """{"emailAddress":"not an address"}""", "emailAddress" },
        { """{"emailAddress":"Pat <pat@example.test>"}""", "emailAddress" },
        { """{"timeZone":"Europe/Atlantis"}""", "timeZone" },
        { """{"timeZone":""}""", "timeZone" },
        { """{"quietHours":{"start":"25:00","end":"07:00"}}""", "quietHours.start" },
        { """{"quietHours":{"start":"22:00","end":"7am"}}""", "quietHours.end" },
        { """{"quietHours":{"start":"22:00"}}""", "quietHours.end" },
        { """{"quietHours":{"start":"22:00","end":"22:00"}}""", "quietHours.end" },
        { """{"kinds":{"coffee-break":{"email":true}}}""", "kinds.coffee-break" },
        { """{"kinds":{"account-team-changed":{"email":true}}}""", "kinds.account-team-changed" },
        { """{"kinds":{"sla-breached":null}}""", "kinds.sla-breached" },
        { """{"kinds":{"sla-breached":{"delivery":"weekly"}}}""", "kinds.sla-breached.delivery" },
    };

    [Theory]
    [MemberData(nameof(BadPreferences))]
    public async Task Bad_preferences_are_a_400_naming_the_field_and_change_nothing(string body, string field)
    {
        var client = app.ClientFor(NewManager());
        (await client.PutAsJsonAsync(Path, new PreferencesInput(Email: false))).EnsureSuccessStatusCode();

        var response = await client.PutAsync(Path, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"errors should name '{field}': {problem.RootElement}");
        Assert.False((await client.GetFromJsonAsync<PreferencesView>(Path))!.Email);
    }
}
