using System.Net;
using ClientRequests.ServiceDefaults.Security;

namespace Identity.Tests.RealProvider;

/// <summary>The provider rotates its signing key while a service validates its tokens.</summary>
public sealed class RotationTests(RotatingProvider platform) : IClassFixture<RotatingProvider>
{
    [Fact]
    public async Task A_new_key_is_fetched_when_first_seen_the_old_one_works_until_retired_then_is_refused()
    {
        var before = await platform.ProviderTokenAsync(DemoUsers.Alice);
        var oldKid = ProviderAndService.KeyId(before);
        Assert.Equal(HttpStatusCode.OK, (await platform.CallAsync(before)).StatusCode);

        await ProviderAndService.EventuallyAsync("a second key published",
            async () => (await platform.PublishedKeysAsync()).Count == 2);
        // The key set and the token endpoint's signing key are rebuilt from one change, not at one instant: soon after
        // the new key is published, a new token is signed with it.
        var after = before;
        await ProviderAndService.EventuallyAsync("a new token signed with the new key", async () =>
            ProviderAndService.KeyId(after = await platform.ProviderTokenAsync(DemoUsers.Alice)) != oldKid, seconds: 10);

        // The service has never seen the new kid: the first token signed with it makes it fetch the key set.
        await ProviderAndService.EventuallyAsync("a token with the new kid accepted",
            async () => (await platform.CallAsync(after)).StatusCode == HttpStatusCode.OK, seconds: 10);
        Assert.Equal(HttpStatusCode.OK, (await platform.CallAsync(before)).StatusCode);

        await ProviderAndService.EventuallyAsync("the old key retired",
            async () => !(await platform.PublishedKeysAsync()).Contains(oldKid));
        // The next fetch (hourly, or forced at once by a kid not seen yet) drops the retired key, and the token cache
        // stops reusing what it signed.
        await ProviderAndService.EventuallyAsync("a token signed with the retired key refused", async () =>
        {
            await platform.CallAsync(platform.UnknownKidToken());
            return (await platform.CallAsync(before)).StatusCode == HttpStatusCode.Unauthorized;
        }, seconds: 30);
        var current = await platform.ProviderTokenAsync(DemoUsers.Alice);
        await ProviderAndService.EventuallyAsync("the provider's current token accepted",
            async () => (await platform.CallAsync(current)).StatusCode == HttpStatusCode.OK, seconds: 10);
    }
}
