using System.Net;
using System.Net.Http.Json;
using ClientRequests.ServiceDefaults.Paging;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;
using static ClientRequests.Notifications.Apis.InboxApi;
using static Notifications.Tests.Scenario;

namespace Notifications.Tests;

public sealed class InboxApiTests(NotificationsAppFixture fixture) : IClassFixture<NotificationsAppFixture>
{
    NotificationsApp App => fixture.App;

    async Task<(HttpClient Client, List<NotificationView> Inbox)> NotifiedAsync(PlatformUser user, int events)
    {
        for (var i = 0; i < events; i++) await App.PublishAsync(Submitted(user));
        var client = App.ClientFor(user);
        return (client, await InboxEventuallyAsync(client, inbox => inbox.Count == events));
    }

    [Fact]
    public async Task The_inbox_pages_newest_first_with_a_cursor()
    {
        var (client, all) = await NotifiedAsync(NewManager(), 5);
        Assert.Equal(5, all.Count);

        var seen = new List<NotificationView>();
        string? after = null;
        do
        {
            var page = await client.GetFromJsonAsync<Page<NotificationView>>($"/api/notifications?limit=2{(after is null ? "" : $"&after={after}")}");
            Assert.InRange(page!.Items.Count, 1, 2);
            seen.AddRange(page.Items);
            after = page.NextCursor;
        } while (after is not null);

        Assert.Equal(all.Select(n => n.Id), seen.Select(n => n.Id));
        Assert.Equal(seen.OrderByDescending(n => n.CreatedAt).Select(n => n.CreatedAt), seen.Select(n => n.CreatedAt));
    }

    [Fact]
    public async Task Marking_one_read_lowers_the_unread_count_and_hides_it_from_the_unread_list()
    {
        var (client, inbox) = await NotifiedAsync(NewManager(), 2);
        Assert.Equal(2, (await client.GetFromJsonAsync<UnreadCount>("/api/notifications/unread-count"))!.Count);

        var response = await client.PostAsync($"/api/notifications/{inbox[0].Id}/read", null);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(1, (await client.GetFromJsonAsync<UnreadCount>("/api/notifications/unread-count"))!.Count);
        Assert.Equal([inbox[1].Id], (await InboxAsync(client, "?unread=true")).Select(n => n.Id));
        Assert.NotNull((await InboxAsync(client)).Single(n => n.Id == inbox[0].Id).ReadAt);
    }

    [Fact]
    public async Task Marking_all_read_clears_only_the_callers_unread_notifications()
    {
        var (client, _) = await NotifiedAsync(NewManager(), 3);
        var (otherClient, _) = await NotifiedAsync(NewManager(), 1);

        var marked = await (await client.PostAsync("/api/notifications/read-all", null)).Content.ReadFromJsonAsync<MarkedRead>();

        Assert.Equal(3, marked!.Count);
        Assert.Equal(0, (await client.GetFromJsonAsync<UnreadCount>("/api/notifications/unread-count"))!.Count);
        Assert.All(await InboxAsync(client), n => Assert.NotNull(n.ReadAt));
        Assert.Equal(1, (await otherClient.GetFromJsonAsync<UnreadCount>("/api/notifications/unread-count"))!.Count);
    }

    [Fact]
    public async Task Another_users_notification_is_not_found_and_never_listed()
    {
        var (_, aliceInbox) = await NotifiedAsync(DemoUsers.Alice, 1);
        var mallory = App.ClientFor(DemoUsers.Mallory);

        var response = await mallory.PostAsync($"/api/notifications/{aliceInbox[0].Id}/read", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Invoice", await response.Content.ReadAsStringAsync());
        Assert.Empty(await InboxAsync(mallory));
        Assert.Null((await InboxAsync(App.ClientFor(DemoUsers.Alice))).Single().ReadAt);
    }

    [Theory]
    [InlineData("?after=not-a-cursor", "after")]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=201", "limit")]
    public async Task A_bad_page_request_is_a_400_naming_the_field(string query, string field)
    {
        var response = await App.ClientFor(NewManager()).GetAsync($"/api/notifications{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains(field, problem!.Errors.Keys);
    }

    [Fact]
    public async Task The_inbox_needs_a_token()
    {
        var response = await App.CreateClient().GetAsync("/api/notifications");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
