using System.Net;
using System.Net.Http.Json;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;
using static ClientRequests.Notifications.Apis.WebhooksApi;
using static Notifications.Tests.Webhooks;

namespace Notifications.Tests;

public sealed class WebhookSubscriptionTests(NotificationsAppFixture fixture) : IClassFixture<NotificationsAppFixture>
{
    [Theory]
    [InlineData("http://127.0.0.1:9/hook")]
    [InlineData("http://localhost:9/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]:9/hook")]
    public async Task A_webhook_to_a_loopback_or_private_address_is_refused_by_default(string url)
    {
        // The fixture's service runs with the default settings: private addresses are not allowed.
        var response = await fixture.App.ClientFor(DemoUsers.Grace)
            .PostAsJsonAsync("/api/notifications/webhooks", new Subscription("request-submitted", url, Secret));

        await AssertFieldRefusedAsync(response, "url");
    }

    [Theory]
    [InlineData("request-submitted", "ftp://example.com/hook", Secret, "url")]
    [InlineData("request-submitted", "not a url", Secret, "url")]
    [InlineData("request-submitted", "https://203.0.113.10/hook", "too-short-secret", "secret")]
    [InlineData("request-submitted", "https://203.0.113.10/hook", "a-free-text-secret-of-more-than-thirty-two-characters", "secret")]
    [InlineData("request-submitted", "https://203.0.113.10/hook", "whsec_c2hvcnQtMTYtYnl0ZXMhIQ==", "secret")]
    [InlineData("something-else", "https://203.0.113.10/hook", Secret, "eventType")]
    public async Task A_bad_subscription_is_a_400_naming_the_field(string eventType, string url, string secret, string field)
    {
        var response = await fixture.App.ClientFor(DemoUsers.Grace)
            .PostAsJsonAsync("/api/notifications/webhooks", new Subscription(eventType, url, secret));

        await AssertFieldRefusedAsync(response, field);
    }

    [Fact]
    public async Task Only_admins_manage_webhooks()
    {
        var response = await fixture.App.ClientFor(DemoUsers.Alice)
            .PostAsJsonAsync("/api/notifications/webhooks", new Subscription("request-submitted", "https://203.0.113.10/hook", Secret));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.App.ClientFor(DemoUsers.Alice).GetAsync("/api/notifications/webhooks")).StatusCode);
    }

    static async Task AssertFieldRefusedAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.Contains(field, problem!.Errors.Keys);
    }
}
