using System.Net;
using ClientRequests.Notifications.Domain;
using ClientRequests.Notifications.Webhooks;

namespace ClientRequests.Notifications.Tests;

/// <summary>The webhook rules as plain code: signature, back-off, parking and the address guard.</summary>
public sealed class WebhookRulesTests
{
    const string Secret = "a-secret-of-at-least-thirty-two-characters";
    static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_signature_verifies_only_with_the_same_secret_body_and_a_fresh_timestamp()
    {
        var header = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), "{\"a\":1}");

        Assert.True(WebhookSignature.Verify(Secret, header, "{\"a\":1}", Now.AddSeconds(30), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, header, "{\"a\":2}", Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret + "!", header, "{\"a\":1}", Now, TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, header, "{\"a\":1}", Now.AddMinutes(6), TimeSpan.FromMinutes(5)));
        Assert.False(WebhookSignature.Verify(Secret, "v1=00", "{\"a\":1}", Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void The_timestamp_is_part_of_what_is_signed()
    {
        var header = WebhookSignature.Sign(Secret, Now.ToUnixTimeSeconds(), "body");
        var moved = header.Replace($"t={Now.ToUnixTimeSeconds()}", $"t={Now.ToUnixTimeSeconds() + 1}");

        Assert.False(WebhookSignature.Verify(Secret, moved, "body", Now, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData(1, 0.0, 500)]
    [InlineData(1, 0.999999, 1000)]
    [InlineData(2, 0.0, 1000)]
    [InlineData(3, 0.0, 2000)]
    [InlineData(10, 0.0, 15000)]
    [InlineData(10, 0.999999, 30000)]
    public void Back_off_doubles_per_failure_up_to_the_cap_with_the_upper_half_random(int failures, double jitter, int expectedMs)
    {
        var policy = new RetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 8);

        Assert.Equal(expectedMs, policy.DelayAfter(failures, jitter).TotalMilliseconds, 0.1);
    }

    [Fact]
    public void A_delivery_is_parked_at_the_failure_limit_and_replay_gives_it_a_fresh_budget()
    {
        var policy = new RetryPolicy(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), 3);
        var subscription = new WebhookSubscription { Id = Guid.NewGuid(), EventType = "request-submitted", Url = "https://203.0.113.10/", Secret = Secret, CreatedBy = "grace" };
        var delivery = WebhookDelivery.For(subscription, Guid.NewGuid(), "{}", Now);

        Assert.False(delivery.Failed(Now, policy, 0));
        Assert.Equal(Now.AddMilliseconds(500), delivery.NextAttemptAt);
        Assert.False(delivery.Failed(Now, policy, 0));
        Assert.True(delivery.Failed(Now, policy, 0));
        Assert.Equal(DeliveryStatus.Parked, delivery.Status);

        delivery.Replay(Now.AddHours(1));
        Assert.Equal(DeliveryStatus.Pending, delivery.Status);
        Assert.Equal(Now.AddHours(1), delivery.NextAttemptAt);
        Assert.False(delivery.Failed(Now.AddHours(1), policy, 0));
        Assert.Equal(4, delivery.Attempts);
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.0.0.5", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("203.0.113.10", true)]
    [InlineData("2001:db8::1", true)]
    public void Only_public_addresses_are_public(string address, bool expected) =>
        Assert.Equal(expected, WebhookAddressGuard.IsPublic(IPAddress.Parse(address)));
}
