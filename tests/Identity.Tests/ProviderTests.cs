using System.Net;
using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Tests;

/// <summary>The embedded provider in memory: discovery, the code flow with PKCE, refresh, client credentials, its keys.</summary>
public sealed class ProviderTests : IAsyncLifetime
{
    readonly IdentityApp app = new();

    public async ValueTask InitializeAsync() => await app.WaitUntilReadyAsync();

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    async Task<JsonElement> GetJsonAsync(string path)
    {
        using var http = app.CreateClient();
        return JsonDocument.Parse(await http.GetStringAsync(path)).RootElement;
    }

    /// <summary>Validates as the services do: against the published key set, RS256 only, the provider's issuer, the platform's audience.</summary>
    async Task<TokenValidationResult> ValidateAsync(string token)
    {
        var keys = new JsonWebKeySet((await GetJsonAsync("/identity/.well-known/jwks")).GetRawText());
        return await new JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = IdentityApp.Issuer, ValidAudience = "client-requests", IssuerSigningKeys = keys.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });
    }

    [Fact]
    public async Task Discovery_names_the_configured_issuer_and_every_endpoint_under_it()
    {
        var discovery = await GetJsonAsync("/identity/.well-known/openid-configuration");

        Assert.Equal(IdentityApp.Issuer, discovery.GetProperty("issuer").GetString());
        foreach (var endpoint in new[] { "authorization_endpoint", "token_endpoint", "end_session_endpoint", "jwks_uri" })
            Assert.StartsWith(IdentityApp.Issuer, discovery.GetProperty(endpoint).GetString());
        Assert.Contains("S256", discovery.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        var keys = (await GetJsonAsync("/identity/.well-known/jwks")).GetProperty("keys").EnumerateArray().ToList();
        Assert.All(keys, k => Assert.Equal("RS256", k.GetProperty("alg").GetString()));
        Assert.All(keys, k => Assert.False(k.TryGetProperty("d", out _), "a private key part is published"));
    }

    [Fact]
    public async Task An_account_manager_signs_in_with_the_code_flow_and_gets_an_RS256_token_the_platform_accepts_then_refreshes_it()
    {
        using var browser = app.Browser();
        var (verifier, challenge) = CodeFlow.Pkce();
        var code = await CodeFlow.SignInAsync(browser, "alice", "demo", challenge);
        var tokens = await CodeFlow.ReadAsync(await CodeFlow.RedeemAsync(browser, code, verifier));

        var validated = await ValidateAsync(tokens.AccessToken);
        Assert.True(validated.IsValid, validated.Exception?.Message);
        Assert.Equal("RS256", ((JsonWebToken)validated.SecurityToken).Alg);
        Assert.Equal("alice", validated.ClaimsIdentity.FindFirst(PlatformClaims.UserId)?.Value);
        Assert.Equal(Roles.AccountManager, validated.ClaimsIdentity.FindFirst(PlatformClaims.Role)?.Value);
        Assert.NotNull(tokens.IdToken);
        Assert.NotNull(tokens.RefreshToken);

        using var http = app.CreateClient();
        var refreshed = await CodeFlow.ReadAsync(await http.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["client_id"] = CodeFlow.ConsoleClient, ["refresh_token"] = tokens.RefreshToken!,
        })));
        Assert.True((await ValidateAsync(refreshed.AccessToken)).IsValid);
        Assert.NotEqual(tokens.AccessToken, refreshed.AccessToken);
    }

    [Fact]
    public async Task A_code_is_refused_with_the_wrong_PKCE_verifier_and_cannot_be_redeemed_twice()
    {
        using var browser = app.Browser();
        var (verifier, challenge) = CodeFlow.Pkce();
        var code = await CodeFlow.SignInAsync(browser, "carol", "demo", challenge);

        var wrongVerifier = await CodeFlow.RedeemAsync(browser, code, CodeFlow.Pkce().Verifier);
        Assert.Equal(HttpStatusCode.BadRequest, wrongVerifier.StatusCode);
        Assert.Contains("invalid_grant", await wrongVerifier.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await CodeFlow.RedeemAsync(browser, code, verifier)).StatusCode);
        // A replayed code is refused (and OpenIddict revokes what it issued).
        var replay = await CodeFlow.RedeemAsync(browser, code, verifier);
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
        Assert.Contains("invalid_grant", await replay.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_console_must_use_PKCE()
    {
        using var browser = app.Browser();
        var url = CodeFlow.AuthorizeUrl("x").Replace("&code_challenge=x&code_challenge_method=S256", "");
        var reply = await browser.GetAsync(url);
        var body = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.StatusCode == HttpStatusCode.BadRequest, body);
        Assert.Contains("code_challenge", body);
    }

    [Fact]
    public async Task A_wrong_password_and_a_foreign_return_address_are_refused_on_the_sign_in_page()
    {
        using var browser = app.Browser();
        var page = await (await browser.GetAsync("/identity/account/login?returnUrl=/identity/connect/authorize")).Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        async Task<HttpResponseMessage> Post(string password, string returnUrl) => await browser.PostAsync("/identity/account/login",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token, ["user"] = "alice", ["password"] = password, ["returnUrl"] = returnUrl,
            }));

        var wrong = await Post("guess", "/identity/connect/authorize");
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("wrong password", await wrong.Content.ReadAsStringAsync());
        var foreign = await Post("demo", "https://evil.example/");
        Assert.Equal(HttpStatusCode.BadRequest, foreign.StatusCode);
        Assert.Contains("returnUrl", await foreign.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_integration_gets_a_client_credentials_token_with_the_scope_it_asked_for_and_nothing_it_may_not_have()
    {
        using var http = app.CreateClient();
        async Task<HttpResponseMessage> Ask(string secret, string scope) => await http.PostAsync("/identity/connect/token",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = IdentityApp.ImporterId, ["client_secret"] = secret, ["scope"] = scope,
            }));

        var tokens = await CodeFlow.ReadAsync(await Ask(IdentityApp.ImporterSecret, "requests.import"));
        var validated = await ValidateAsync(tokens.AccessToken);
        Assert.True(validated.IsValid);
        Assert.Equal(IdentityApp.ImporterId, validated.ClaimsIdentity.FindFirst(PlatformClaims.UserId)?.Value);
        Assert.Equal("requests.import", validated.ClaimsIdentity.FindFirst("scope")?.Value);
        Assert.Null(tokens.RefreshToken);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Ask("wrong-secret", "requests.import")).StatusCode);
        var notAllowed = await Ask(IdentityApp.ImporterSecret, "client-requests");
        var refusal = await notAllowed.Content.ReadAsStringAsync();
        Assert.True(notAllowed.StatusCode == HttpStatusCode.BadRequest, refusal);
        Assert.Contains("scope", refusal);
    }

    [Fact]
    public async Task The_signing_key_survives_a_restart()
    {
        var before = (await GetJsonAsync("/identity/.well-known/jwks")).GetProperty("keys")[0].GetProperty("kid").GetString();
        await using var restarted = new IdentityApp(app.DataFolder);
        await restarted.WaitUntilReadyAsync();
        using var http = restarted.CreateClient();
        var after = JsonDocument.Parse(await http.GetStringAsync("/identity/.well-known/jwks")).RootElement.GetProperty("keys")[0].GetProperty("kid").GetString();

        Assert.Equal(before, after);
    }
}
