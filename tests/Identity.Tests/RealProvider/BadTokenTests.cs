using System.Net;
using System.Security.Cryptography;
using System.Text;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Tests.RealProvider;

/// <summary>
/// Every kind of bad token against a service that validates with the real provider: a 401 with WWW-Authenticate, no
/// data, no 500, and one log line naming the reason and not the token. Then the provider's key set going down or
/// answering garbage: the keys fetched before keep working, unknown kids are refused, readiness says degraded.
/// </summary>
public sealed class BadTokenTests(SteadyProvider platform) : IClassFixture<SteadyProvider>
{
    static readonly RSA Stranger = RSA.Create(2048);

    string Sign(string? issuer = null, string audience = Tokens.Audience, DateTime? issuedAt = null, TimeSpan? lifetime = null,
        SigningCredentials? credentials = null) =>
        Tokens.Sign(DemoUsers.Grace, issuer ?? platform.Issuer.ToString(), lifetime, issuedAt, audience, credentials);

    public static TheoryData<string> Cases => [.. BadCases(null!).Keys];

    static Dictionary<string, (Func<BadTokenTests, string> Token, string Reason)> BadCases(BadTokenTests _) => new()
    {
        ["from another issuer"] = (t => t.Sign(issuer: "https://evil.example/"), "issuer not trusted"),
        ["for another audience"] = (t => t.Sign(audience: "someone-else"), "audience is not this platform"),
        ["expired"] = (t => t.Sign(issuedAt: DateTime.UtcNow.AddHours(-2), lifetime: TimeSpan.FromHours(1)), "expired"),
        ["alg none"] = (t => Unsigned(t.Sign()), "signature missing or invalid"),
        ["HS256 with the old development key"] = (t => t.Sign(credentials: new SigningCredentials(
            new SymmetricSecurityKey(Encoding.UTF8.GetBytes(Tokens.SigningKey)), SecurityAlgorithms.HmacSha256)), "no key the provider publishes"),
        ["an unknown kid"] = (t => t.Sign(credentials: new SigningCredentials(new RsaSecurityKey(Stranger) { KeyId = "nobody-publishes-this" },
            SecurityAlgorithms.RsaSha256)), "unknown kid"),
        ["another key under the provider's kid"] = (t => t.Sign(credentials: new SigningCredentials(new RsaSecurityKey(Stranger) { KeyId = TestAuthority.KeyId },
            SecurityAlgorithms.RsaSha256)), "signature missing or invalid"),
        ["garbage"] = (_ => "not.a.jwt-at-all", "not a well-formed JWT"),
    };

    static string Unsigned(string token)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""");
        return $"{header}.{token.Split('.')[1]}.";
    }

    [Fact]
    public async Task A_token_the_provider_issued_is_accepted()
    {
        var reply = await platform.CallAsync(await platform.ProviderTokenAsync(DemoUsers.Alice));
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_token_is_a_401_with_WWW_Authenticate_and_a_log_line_that_names_the_reason_not_the_token(string name)
    {
        var (make, reason) = BadCases(this)[name];
        var token = make(this);
        var path = $"api/clients/{Guid.NewGuid()}";

        var reply = await platform.CallAsync(token, path);
        var body = await reply.Content.ReadAsStringAsync();

        Assert.True(reply.StatusCode == HttpStatusCode.Unauthorized, $"{name}: {reply.StatusCode} {body}");
        Assert.StartsWith("Bearer", reply.Headers.WwwAuthenticate.ToString());
        Assert.DoesNotContain("Acme", body);
        string line = "";
        await ProviderAndService.EventuallyAsync("the refusal's log line", () =>
        {
            line = platform.Clients.Tail(400).Split('\n').FirstOrDefault(l => l.Contains("Bearer token refused") && l.Contains(path)) ?? "";
            return Task.FromResult(line.Length > 0);
        }, seconds: 10);
        Assert.True(line.Contains(reason), $"'{reason}' is not in: {line}");
        var log = platform.Clients.Tail(400);
        foreach (var part in token.Split('.').Where(p => p.Length > 8))
            Assert.DoesNotContain(part, log);
    }

    [Fact]
    public async Task When_the_key_set_is_down_or_garbage_known_keys_keep_working_unknown_kids_are_refused_and_readiness_says_degraded()
    {
        var good = await platform.ProviderTokenAsync(DemoUsers.Alice);
        Assert.Equal(HttpStatusCode.OK, (await platform.CallAsync(good)).StatusCode);
        Assert.Equal("Healthy", await platform.ReadinessAsync());
        try
        {
            foreach (var mode in new[] { KeySetFront.Behaviour.Down, KeySetFront.Behaviour.Garbage })
            {
                platform.Front.Mode = mode;
                // A token with a kid not seen yet makes the service fetch the key set (at most every second here): the
                // token is refused, the fetch fails, and the service says it is degraded.
                await ProviderAndService.EventuallyAsync($"readiness degraded with the key set {mode}", async () =>
                {
                    var refused = await platform.CallAsync(platform.UnknownKidToken());
                    Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
                    Assert.StartsWith("Bearer", refused.Headers.WwwAuthenticate.ToString());
                    Assert.Equal(HttpStatusCode.OK, (await platform.CallAsync(good)).StatusCode);
                    return await platform.ReadinessAsync() == "Degraded";
                });
                Assert.Equal(HttpStatusCode.OK, (await platform.CallAsync(good)).StatusCode);
                Assert.Equal(HttpStatusCode.OK, (await platform.CallAsync(await platform.ProviderTokenAsync(DemoUsers.Bob))).StatusCode);
                platform.Front.Mode = KeySetFront.Behaviour.PassThrough;
                await ProviderAndService.EventuallyAsync("readiness healthy again", async () =>
                {
                    await platform.CallAsync(platform.UnknownKidToken());
                    return await platform.ReadinessAsync() == "Healthy";
                });
            }
        }
        finally
        {
            platform.Front.Mode = KeySetFront.Behaviour.PassThrough;
        }
    }
}
