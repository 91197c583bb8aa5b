using System.Net.Http.Json;
using ClientRequests.Contracts.Requests;
using ClientRequests.ServiceDefaults.Paging;
using ClientRequests.ServiceDefaults.Security;
using static ClientRequests.Notifications.Apis.InboxApi;

namespace Notifications.Tests;

/// <summary>Users, events and waits the tests share.</summary>
public static class Scenario
{
    public static PlatformUser NewManager() => new($"manager-{Guid.NewGuid():N}", "A Manager", [Roles.AccountManager], []);

    public static PlatformUser NewExecutive() => new($"executive-{Guid.NewGuid():N}", "An Executive", [Roles.AccountExecutive], []);

    public static RequestSubmitted Submitted(PlatformUser manager, params PlatformUser[] executives) => new()
    {
        RequestId = Guid.NewGuid(),
        ClientId = Guid.NewGuid(),
        ClientName = "Contoso",
        AccountManagerId = manager.Id,
        AccountExecutiveIds = executives.Select(e => e.Id).ToList(),
        OpenedBy = manager.Id,
        Type = "complaint",
        Priority = "high",
        Title = "Invoice charged twice",
        DepartmentCodes = ["billing"],
        SubmittedAt = DateTimeOffset.UtcNow,
    };

    public static async Task<List<NotificationView>> InboxAsync(HttpClient client, string query = "")
    {
        var page = await client.GetFromJsonAsync<Page<NotificationView>>($"/api/notifications{query}");
        return page!.Items.ToList();
    }

    /// <summary>Polls the caller's inbox until <paramref name="condition"/> holds; returns the last inbox seen.</summary>
    public static async Task<List<NotificationView>> InboxEventuallyAsync(HttpClient client, Func<List<NotificationView>, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var inbox = await InboxAsync(client);
        while (!condition(inbox) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            inbox = await InboxAsync(client);
        }
        return inbox;
    }
}
