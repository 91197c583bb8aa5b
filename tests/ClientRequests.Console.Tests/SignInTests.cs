using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientRequests.Console.Tests;

/// <summary>Signing in and out through the embedded provider with the code flow, and the page when it cannot be reached.</summary>
public sealed class SignInTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task An_account_manager_signs_in_with_the_code_flow_opens_a_request_and_signs_out_at_the_provider_too()
    {
        var page = await fixture.NewPageAsync("alice-sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        // The provider's own page, under /identity on the same gateway.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/identity/account/login"));
        await page.Locator("select[name='user']").SelectOptionAsync("alice");
        await page.Locator("input[name='password']").FillAsync("demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page.GetByText("Alice Martin")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/console/$"));
        var title = $"Signed in {Guid.NewGuid():N}"[..24];
        await page.GetByLabel("Client", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Acme Corporation" });
        await page.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("billing");
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Description", new() { Exact = true }).FillAsync("Opened by a user signed in with the code flow.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Open request" }).ClickAsync();
        await Expect(page.Locator("section.detail").GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        var token = await page.EvaluateAsync<string>("() => JSON.parse(sessionStorage.getItem('clientrequests.session')).token");
        Assert.Equal("RS256", System.Text.Json.JsonDocument.Parse(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Decode(token.Split('.')[0]))
            .RootElement.GetProperty("alg").GetString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('clientrequests.session')"));
        // Signed out at the provider as well: signing in again asks for the user and password.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await Expect(page.Locator("input[name='password']")).ToBeVisibleAsync();
        await ConsoleFixture.ScreenshotAsync(page, "00-provider-sign-in");
    }

    [Fact]
    public async Task When_the_provider_cannot_be_reached_the_console_says_sign_in_is_unavailable()
    {
        var page = await fixture.NewPageAsync("provider-down");
        await page.Context.RouteAsync("**/identity/**", route => route.AbortAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign-in is unavailable" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Try again" })).ToBeVisibleAsync();
        await ConsoleFixture.ScreenshotAsync(page, "00-provider-unreachable");
    }
}
