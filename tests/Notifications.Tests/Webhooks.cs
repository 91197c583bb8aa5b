using System.Net.Http.Json;
using ClientRequests.ServiceDefaults.Paging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;
using static ClientRequests.Notifications.Apis.WebhooksApi;

namespace Notifications.Tests;

/// <summary>Settings and calls the webhook tests share.</summary>
public static class Webhooks
{
    /// <summary>A Standard Webhooks secret: whsec_ and the base64 of 32 bytes.</summary>
    public const string Secret = "whsec_Y2xpZW50cmVxdWVzdHMtdGVzdC1rZXktMDEyMzQ1Njc=";
    public const string RotatedSecret = "whsec_cm90YXRlZC10ZXN0LWtleS1mb3ItdGhlLXJvdGF0aW8=";

    /// <summary>What a receiver does with the published verifier: throws <c>WebhookVerificationException</c> unless genuine.</summary>
    public static void Verify(string secret, ReceivedCall call) =>
        new StandardWebhook(secret).Verify(call.Body, new HeaderDictionary(call.Headers.ToDictionary(h => h.Key, h => new StringValues(h.Value))));

    public static bool Verifies(string secret, ReceivedCall call)
    {
        try { Verify(secret, call); return true; }
        catch (WebhookVerificationException) { return false; }
    }


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
