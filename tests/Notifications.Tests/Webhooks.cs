using System.Net.Http.Json;
using ClientRequests.ServiceDefaults.Paging;
using static ClientRequests.Notifications.Apis.WebhooksApi;

namespace ClientRequests.Notifications.Tests;

/// <summary>Settings and calls the webhook tests share.</summary>
public static class Webhooks
{
    public const string Secret = "whsec-test-0123456789-abcdefghijklmnopqrstuvwxyz";

    /// <summary>Fast retries and a short timeout (long enough for a loaded machine) so a failing receiver is paused in seconds.</summary>
    public static Dictionary<string, string?> FastSettings(string timeout = "00:00:02") => new()
    {
        ["Notifications:Webhooks:AllowPrivateAddresses"] = "true",
        ["Notifications:Webhooks:Timeout"] = timeout,
        ["Notifications:Webhooks:BaseDelay"] = "00:00:00.050",
        ["Notifications:Webhooks:MaxDelay"] = "00:00:00.400",
        ["Notifications:Webhooks:PauseAfterFailures"] = "4",
        ["Notifications:Webhooks:PollInterval"] = "00:00:00.100",
    };

    public static async Task<SubscriptionView> SubscribeAsync(HttpClient admin, string url, string secret = Secret)
    {
        var response = await admin.PostAsJsonAsync("/api/notifications/webhooks", new Subscription("request-submitted", url, secret));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<SubscriptionView>())!;
    }

    public static async Task<List<DeliveryView>> DeliveriesAsync(HttpClient admin, Guid subscriptionId) =>
        (await admin.GetFromJsonAsync<Page<DeliveryView>>($"/api/notifications/webhooks/{subscriptionId}/deliveries"))!.Items.ToList();

    public static async Task<SubscriptionView> SubscriptionAsync(HttpClient admin, Guid subscriptionId) =>
        (await admin.GetFromJsonAsync<List<SubscriptionView>>("/api/notifications/webhooks"))!.Single(s => s.Id == subscriptionId);

    /// <summary>Polls the delivery log until <paramref name="condition"/> holds; returns the last log seen.</summary>
    public static async Task<List<DeliveryView>> DeliveriesEventuallyAsync(HttpClient admin, Guid subscriptionId,
        Func<List<DeliveryView>, bool> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(seconds);
        var log = await DeliveriesAsync(admin, subscriptionId);
        while (!condition(log) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            log = await DeliveriesAsync(admin, subscriptionId);
        }
        return log;
    }
}
