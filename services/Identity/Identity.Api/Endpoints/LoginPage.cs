using System.Net;
using System.Security.Claims;
using System.Text;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ClientRequests.Identity.Endpoints;

/// <summary>
/// The provider's sign-in page: pick a demo user, enter the password, and go back to the authorization request that
/// sent you here. A plain form (no script), so it works in every browser and in the Chromium test.
/// </summary>
public static class LoginPage
{
    public static IEndpointRouteBuilder MapLoginPage(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/account").AllowAnonymous().ExcludeFromDescription();
        group.MapGet("/login", Show);
        group.MapPost("/login", SignIn);
        group.MapGet("/signed-out", () => Html("Signed out", "<p>You are signed out.</p>", StatusCodes.Status200OK));
        return app;
    }

    public sealed record LoginForm(string? User, string? Password, string? ReturnUrl);

    static ContentHttpResult Show(HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
        Form(http, antiforgery, returnUrl, null, null, StatusCodes.Status200OK);

    static async Task<IResult> SignIn(HttpContext http, IAntiforgery antiforgery, DemoAccounts accounts, [FromForm] LoginForm form)
    {
        if (!IsLocal(form.ReturnUrl))
            return Form(http, antiforgery, null, form.User, "returnUrl must be a path on this site.", StatusCodes.Status400BadRequest);
        var user = accounts.Check(form.User, form.Password);
        if (user is null)
            return Form(http, antiforgery, form.ReturnUrl, form.User, "Unknown user or wrong password.", StatusCodes.Status401Unauthorized);

        var identity = new ClaimsIdentity([new Claim(PlatformClaims.UserId, user.Id), new Claim(PlatformClaims.Name, user.Name)],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return TypedResults.LocalRedirect(form.ReturnUrl!);
    }

    /// <summary>Only back into this site: an open redirect would let a link send a signed-in user anywhere.</summary>
    static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\");

    static ContentHttpResult Form(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? selected, string? error, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        var options = new StringBuilder();
        foreach (var user in DemoUsers.All)
        {
            var roles = string.Join(", ", user.Roles.Concat(user.Departments));
            options.Append($"""<option value="{Encode(user.Id)}"{(user.Id == selected ? " selected" : "")}>{Encode(user.Name)} ({Encode(roles)})</option>""");
        }
        var body = $"""
            <form method="post" action="{Encode(http.Request.PathBase + "/account/login")}">
              <input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken ?? "")}">
              <input type="hidden" name="returnUrl" value="{Encode(returnUrl ?? "")}">
              {(error is null ? "" : $"""<p role="alert">{Encode(error)}</p>""")}
              <label>User <select name="user">{options}</select></label>
              <label>Password <input name="password" type="password" autocomplete="current-password"></label>
              <p class="hint">Every demo user's password is the one in Identity:DemoPassword ("demo" unless changed).</p>
              <button type="submit">Sign in</button>
            </form>
            """;
        return Html("Sign in to ClientRequests", body, status);
    }

    static ContentHttpResult Html(string title, string body, int status) => TypedResults.Content($"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Encode(title)}</title>
        <style>body{"{"}font-family:system-ui,sans-serif;max-width:28rem;margin:4rem auto;padding:0 1rem{"}"}
        label{"{"}display:block;margin:1rem 0{"}"} select,input{"{"}display:block;width:100%;padding:.4rem;margin-top:.3rem{"}"}
        [role=alert]{"{"}color:#a00{"}"} .hint{"{"}color:#555;font-size:.9rem{"}"} button{"{"}padding:.5rem 1.5rem{"}"}</style></head>
        <body><h1>{Encode(title)}</h1>{body}</body></html>
        """, "text/html; charset=utf-8", Encoding.UTF8, status);

    static string Encode(string value) => WebUtility.HtmlEncode(value);
}
