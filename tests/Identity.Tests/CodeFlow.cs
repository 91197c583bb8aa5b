using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;

namespace Identity.Tests;

/// <summary>A browser going through the authorization code flow with PKCE, step by step, as oidc-client-ts does it.</summary>
public static partial class CodeFlow
{
    public const string ConsoleClient = "client-requests-console";
    public const string RedirectUri = "http://localhost/console/signin-callback";

    public sealed record Tokens(string AccessToken, string? RefreshToken, string? IdToken, JsonElement Json);

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(string challenge, string state = "state-1", string scope = "openid profile roles offline_access client-requests") =>
        "/identity/connect/authorize?" + string.Join('&', new Dictionary<string, string>
        {
            ["client_id"] = ConsoleClient, ["response_type"] = "code", ["redirect_uri"] = RedirectUri, ["scope"] = scope,
            ["state"] = state, ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

    /// <summary>Authorize → sign-in page → sign in → authorize again → the code on the redirect URI.</summary>
    public static async Task<string> SignInAsync(HttpClient browser, string user, string password, string challenge)
    {
        var toLogin = await browser.GetAsync(AuthorizeUrl(challenge));
        Assert.Equal(HttpStatusCode.Redirect, toLogin.StatusCode);
        var loginUrl = toLogin.Headers.Location!;
        Assert.Contains("/identity/account/login", loginUrl.ToString());

        var page = await browser.GetAsync(loginUrl);
        var html = await page.Content.ReadAsStringAsync();
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Field().Match(html).Groups[1].Value,
            ["returnUrl"] = WebUtility.HtmlDecode(ReturnUrl().Match(html).Groups[1].Value),
            ["user"] = user,
            ["password"] = password,
        };
        var signedIn = await browser.PostAsync("/identity/account/login", new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var authorized = await browser.GetAsync(signedIn.Headers.Location!);
        Assert.Equal(HttpStatusCode.Redirect, authorized.StatusCode);
        var callback = authorized.Headers.Location!;
        Assert.StartsWith(RedirectUri, callback.ToString());
        return Uri.UnescapeDataString(CodeParameter().Match(callback.Query).Groups[1].Value);
    }

    public static async Task<HttpResponseMessage> RedeemAsync(HttpClient http, string code, string verifier) =>
        await http.PostAsync("/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code", ["client_id"] = ConsoleClient, ["code"] = code,
            ["redirect_uri"] = RedirectUri, ["code_verifier"] = verifier,
        }));

    public static async Task<Tokens> ReadAsync(HttpResponseMessage reply)
    {
        var body = await reply.Content.ReadAsStringAsync();
        Assert.True(reply.IsSuccessStatusCode, body);
        var json = JsonDocument.Parse(body).RootElement;
        return new Tokens(json.GetProperty("access_token").GetString()!,
            json.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null,
            json.TryGetProperty("id_token", out var id) ? id.GetString() : null, json);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Field();

    [GeneratedRegex("name=\"returnUrl\" value=\"([^\"]*)\"")]
    private static partial Regex ReturnUrl();

    [GeneratedRegex("[?&]code=([^&]+)")]
    private static partial Regex CodeParameter();
}
