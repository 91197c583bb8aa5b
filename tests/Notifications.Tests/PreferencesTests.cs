using System.Net;
using System.Net.Http.Json;
using static ClientRequests.Notifications.Apis.PreferencesApi;
using static ClientRequests.Notifications.Tests.Scenario;

namespace ClientRequests.Notifications.Tests;

public sealed class PreferencesTests : IAsyncLifetime
{
    NotificationsApp app = null!;

    public async ValueTask InitializeAsync() => app = await NotificationsApp.StartAsync(new Dictionary<string, string?>
    {
        ["Notifications:Email:PollInterval"] = "00:00:00.100",
    });

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task A_user_without_preferences_is_told_in_the_app_and_by_email()
    {
        var preferences = await app.ClientFor(NewManager()).GetFromJsonAsync<PreferencesView>("/api/notifications/preferences");

        Assert.Equal(new PreferencesView(true, true, null), preferences);
    }

    [Fact]
    public async Task Email_goes_to_the_preferred_address_and_not_at_all_once_turned_off()
    {
        var (mailed, silent) = (NewManager(), NewExecutive());
        (await app.ClientFor(mailed).PutAsJsonAsync("/api/notifications/preferences", new PreferencesView(false, true, "pat@example.test"))).EnsureSuccessStatusCode();
        (await app.ClientFor(silent).PutAsJsonAsync("/api/notifications/preferences", new PreferencesView(true, false, null))).EnsureSuccessStatusCode();

        await app.PublishAsync(Submitted(mailed, silent));

        var silentInbox = await InboxEventuallyAsync(app.ClientFor(silent), i => i.Count == 1);
        Assert.Single(silentInbox);
        var mail = await Mailbox.EventuallyAsync(app, m => m.Count > 0);
        await Task.Delay(500);
        Assert.Equal("pat@example.test", Assert.Single(await Mailbox.ReadAsync(app)).To.Mailboxes.Single().Address);
        Assert.Single(mail);
        Assert.Empty(await InboxAsync(app.ClientFor(mailed)));
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("Pat <pat@example.test>")]
    public async Task A_bad_email_address_is_a_400_naming_the_field(string address)
    {
        var response = await app.ClientFor(NewManager()).PutAsJsonAsync("/api/notifications/preferences", new PreferencesView(true, true, address));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("emailAddress", await response.Content.ReadAsStringAsync());
    }
}
