using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientRequests.Console.Tests;

/// <summary>
/// The issue's scenario in a real browser against the real platform: an account manager opens a request, an agent of
/// each routed department claims, starts and completes it, and the manager's page, never reloaded, shows it fulfilled;
/// the dashboard, never reloaded either, reflects the fulfilment.
/// </summary>
public sealed class ConsoleJourneyTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task A_request_opened_in_the_console_is_worked_by_each_department_and_shows_fulfilled_without_a_reload()
    {
        try
        {
            await JourneyAsync();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            string logs;
            try { logs = fixture.Platform.Logs(); } catch (IOException) { logs = "(the platform's logs are gone)"; }
            throw new InvalidOperationException(e.Message + "\n\n" + await fixture.DescribePagesAsync() + "\n\n" + logs, e);
        }
    }

    async Task JourneyAsync()
    {
        var title = $"Annual invoicing {Guid.NewGuid():N}"[..30];

        // The account manager: clients with health, then a contract change, routed to legal and billing by the rules.
        var manager = await fixture.SignedInPageAsync("alice");
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "My clients" })).ToBeVisibleAsync();
        await Expect(manager.Locator(".clients")).ToContainTextAsync("Acme Corporation");
        await manager.GetByLabel("Client", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Acme Corporation" });
        await manager.GetByLabel("Type", new() { Exact = true }).SelectOptionAsync("contract-change");
        await manager.GetByLabel("Priority", new() { Exact = true }).SelectOptionAsync("P2");
        await manager.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await manager.GetByLabel("Description", new() { Exact = true }).FillAsync("Amend the contract and move billing to once a year.");
        await Expect(manager.GetByRole(AriaRole.Checkbox, new() { Name = "Legal" })).ToBeCheckedAsync();
        await Expect(manager.GetByRole(AriaRole.Checkbox, new() { Name = "Billing" })).ToBeCheckedAsync();
        await Expect(manager.GetByRole(AriaRole.Checkbox, new() { Name = "Support" })).Not.ToBeCheckedAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Open request" }).ClickAsync();

        var detail = manager.Locator("section.detail");
        await Expect(detail.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Expect(detail.Locator("[data-department='legal']")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(detail.Locator("[data-department='billing']")).ToBeVisibleAsync();
        // A mark on the window: it survives only if the page is never reloaded.
        await manager.EvaluateAsync("() => { window.__notReloaded = true; }");
        await ConsoleFixture.ScreenshotAsync(manager, "01-requests-opened");

        // The dashboard is open before the work is done: no fulfilment yet, so no cycle time.
        var dashboard = await fixture.SignedInPageAsync("frank");
        await Expect(dashboard.GetByRole(AriaRole.Heading, new() { Name = "Backlog by department" })).ToBeVisibleAsync();
        await Expect(dashboard.Locator("[data-chart='backlog'] .summary")).ToHaveTextAsync(new Regex(@"^[1-9][0-9]* open work items$"));
        await Expect(dashboard.Locator("[data-chart='cycle'] .summary")).ToContainTextAsync("p50 n/a");
        await dashboard.EvaluateAsync("() => { window.__notReloaded = true; }");

        foreach (var (agent, department) in new[] { ("erin", "legal"), ("carol", "billing") })
            await WorkAsync(agent, department, title);

        await Expect(detail.Locator(".meta .badge").First).ToHaveTextAsync("Fulfilled", new() { Timeout = 45_000 });
        await Expect(detail.Locator("[data-department='legal'] .badge")).ToHaveTextAsync("Completed");
        await Expect(detail.Locator("[data-department='billing'] .badge")).ToHaveTextAsync("Completed");
        Assert.True(await manager.EvaluateAsync<bool>("() => window.__notReloaded === true"), "The manager's page was reloaded.");
        await Expect(manager.Locator($"tr:has-text('{title}') .badge")).ToHaveTextAsync("Fulfilled", new() { Timeout = 20_000 });

        // Satisfaction is offered once the request is fulfilled.
        await detail.GetByRole(AriaRole.Radio, new() { Name = "4" }).CheckAsync();
        await detail.GetByRole(AriaRole.Button, new() { Name = "Record satisfaction" }).ClickAsync();
        await Expect(detail.Locator(".satisfaction")).ToContainTextAsync("4 / 5");
        await ConsoleFixture.ScreenshotAsync(manager, "02-requests-fulfilled");

        await Expect(dashboard.Locator("[data-chart='cycle'] .summary")).Not.ToContainTextAsync("n/a", new() { Timeout = 30_000 });
        Assert.True(await dashboard.EvaluateAsync<bool>("() => window.__notReloaded === true"), "The dashboard was reloaded.");
        await ConsoleFixture.ScreenshotAsync(dashboard, "05-dashboard");

        // The lead's view of the billing queue, with the members' load, and the pages at a phone's width.
        var lead = await fixture.SignedInPageAsync("dave");
        await Expect(lead.GetByRole(AriaRole.Heading, new() { Name = "Members' load" })).ToBeVisibleAsync();
        await Expect(lead.Locator("table")).ToContainTextAsync("Carol");
        await ConsoleFixture.ScreenshotAsync(lead, "04-queue-lead");

        var phone = await fixture.SignedInPageAsync("alice", width: 390, height: 844);
        await Expect(phone.Locator("table.requests")).ToContainTextAsync(title);
        var overflow = await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The requests page is wider than a 390 px screen.");
        await ConsoleFixture.ScreenshotAsync(phone, "06-requests-390px");

        // GraphiQL at /graphql for the browser (Development), with the console's token in its headers.
        await manager.GotoAsync("/graphql");
        await Expect(manager.Locator(".graphiql-container")).ToBeVisibleAsync();
        await ConsoleFixture.ScreenshotAsync(manager, "07-graphiql");
    }

    /// <summary>An agent finds the request's card on the queue board and claims, starts and completes it.</summary>
    async Task WorkAsync(string agent, string department, string title)
    {
        var page = await fixture.SignedInPageAsync(agent);
        var card = page.Locator("article.queue-card", new() { HasText = title });
        await Expect(card).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByLabel("Department", new() { Exact = true })).ToHaveValueAsync(department);

        await card.GetByRole(AriaRole.Button, new() { Name = "Claim" }).ClickAsync();
        await Expect(page.Locator("section:has(#col-Claimed) article.queue-card", new() { HasText = title })).ToBeVisibleAsync();
        await card.GetByRole(AriaRole.Button, new() { Name = "Start" }).ClickAsync();
        await Expect(page.Locator("section:has(#col-InProgress) article.queue-card", new() { HasText = title })).ToBeVisibleAsync();
        if (agent == "carol") await ConsoleFixture.ScreenshotAsync(page, "03-queue-agent");
        await card.GetByRole(AriaRole.Button, new() { Name = "Complete…" }).ClickAsync();
        await card.GetByLabel("Resolution note").FillAsync($"Done by {department}.");
        await card.GetByRole(AriaRole.Button, new() { Name = "Complete", Exact = true }).ClickAsync();
        await Expect(card).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await page.Context.CloseAsync();
    }
}
