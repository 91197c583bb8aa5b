using System.Net.Http.Json;
using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClientRequests.Console.Tests;

/// <summary>
/// Issue 16, item 4, in a real browser against the real platform: an account manager opens a client's 360 page from
/// "My clients", and a manager with more than a hundred clients pages through the list (ADR 0035).
/// </summary>
public sealed class Client360Tests(ConsoleFixture fixture)
{
    const string Acme = "11111111-1111-1111-1111-111111111111";

    [Fact]
    public async Task Alice_opens_a_clients_360_page_and_sees_health_reasons_an_open_request_with_its_SLA_contacts_and_team()
    {
        await WithPagesOnFailureAsync(async () =>
        {
            var title = $"Wrong delivery {Guid.NewGuid():N}"[..28];
            using var alice = fixture.Platform.GatewayClient(DemoUsers.Alice);
            var opened = await alice.PostAsJsonAsync("/api/requests", new
            {
                clientId = Acme, type = "complaint", priority = "P2", title, description = "The pallets went to the wrong plant.", departments = new[] { "support" },
            });
            Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
            // Health is event-fed (ADR 0012): the complaint costs points once the clients service has consumed it.
            await EventuallyAsync(alice, """{ client(id: "11111111-1111-1111-1111-111111111111") { health { reasons { code } } } }""",
                body => body.Contains("\"complaints\""));

            var page = await fixture.SignedInPageAsync("alice");
            var clients = page.Locator(".clients");
            await clients.GetByRole(AriaRole.Link, new() { Name = "Acme Corporation" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Acme Corporation" })).ToBeVisibleAsync();
            Assert.EndsWith($"#/clients/{Acme}", page.Url);
            var health = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "Health" }) });
            await Expect(health.Locator(".reasons")).ToContainTextAsync("complaint");
            await Expect(health.Locator(".reasons .points.cost").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^−[0-9]+\\.[0-9]$"));

            var row = page.Locator("table.open-requests tr", new() { HasText = title });
            await Expect(row).ToBeVisibleAsync();
            await Expect(row.Locator("td.sla")).ToHaveAttributeAsync("data-sla", "on-track");
            await Expect(row.Locator("td.sla")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("left$"));

            await Expect(page.Locator(".activity")).ToContainTextAsync(title);
            await Expect(page.Locator(".contacts")).ToContainTextAsync("Wile E. Coyote");
            await Expect(page.Locator(".contacts")).ToContainTextAsync("wile@acme.example");
            await Expect(page.Locator(".team")).ToContainTextAsync("Alice Martin");
            await Expect(page.Locator(".team")).ToContainTextAsync("Bob Evans");
            await Expect(page.Locator(".bars li")).ToHaveCountAsync(12);
            await ConsoleFixture.ScreenshotAsync(page, "08-client-360");

            // The request opens from the 360 page; the way back is the list.
            await row.GetByRole(AriaRole.Button, new() { Name = title }).ClickAsync();
            await Expect(page.Locator("section.detail").GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "← My clients" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My clients" })).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task A_manager_with_more_than_a_hundred_clients_pages_through_my_clients_to_the_last()
    {
        await WithPagesOnFailureAsync(async () =>
        {
            var manager = new PlatformUser($"nora-{Guid.NewGuid():N}"[..16], "Nora Quinn", [Roles.AccountManager], []);
            using var http = fixture.Platform.GatewayClient(manager);
            const int count = 105;
            for (var i = 1; i <= count; i++)
            {
                var registered = await http.PostAsJsonAsync("/api/clients", new { name = $"Book client {i:000}", industry = "Testing" });
                Assert.True(registered.IsSuccessStatusCode, await registered.Content.ReadAsStringAsync());
            }

            var page = await SignedInWithTokenAsync(manager);
            var list = page.Locator("section", new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "My clients" }) });
            await Expect(list.GetByText("50 shown")).ToBeVisibleAsync();
            await Expect(list.Locator(".clients li")).ToHaveCountAsync(50);
            await list.GetByRole(AriaRole.Button, new() { Name = "More clients" }).ClickAsync();
            await Expect(list.GetByText("100 shown")).ToBeVisibleAsync();
            await list.GetByRole(AriaRole.Button, new() { Name = "More clients" }).ClickAsync();
            await Expect(list.GetByText($"{count} shown")).ToBeVisibleAsync();
            await Expect(list.GetByRole(AriaRole.Button, new() { Name = "More clients" })).ToHaveCountAsync(0);
            await Expect(list.Locator(".clients li")).ToHaveCountAsync(count);
            // Oldest registration first: the last page ends with the last one registered, and none is shown twice.
            await Expect(list.Locator(".clients li").Last).ToContainTextAsync($"Book client {count:000}");
            var names = await list.Locator(".clients li a").AllInnerTextsAsync();
            Assert.Equal(Enumerable.Range(1, count).Select(i => $"Book client {i:000}"), names);
            await ConsoleFixture.ScreenshotAsync(page, "09-my-clients-paged");

            await list.GetByRole(AriaRole.Link, new() { Name = $"Book client {count:000}" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Book client {count:000}" })).ToBeVisibleAsync();
            await Expect(page.Locator(".team")).ToContainTextAsync("Nora Quinn");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open requests (0)" })).ToBeVisibleAsync();
        });
    }

    /// <summary>
    /// A browser tab signed in as a user the embedded provider does not list: the console keeps its session (token and
    /// user) in the tab's sessionStorage, so the test puts one there, with a token the platform's provider would sign.
    /// </summary>
    async Task<IPage> SignedInWithTokenAsync(PlatformUser user)
    {
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.Platform.GatewayAddress.ToString(), ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(30_000);
        var session = JsonSerializer.Serialize(new
        {
            token = fixture.Platform.TokenFor(user),
            user = new { id = user.Id, name = user.Name, roles = user.Roles, departments = user.Departments },
        });
        await context.AddInitScriptAsync($"window.sessionStorage.setItem('clientrequests.session', {JsonSerializer.Serialize(session)});");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/console/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
        return page;
    }

    static async Task EventuallyAsync(HttpClient http, string query, Func<string, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string body;
        do
        {
            body = await (await http.PostAsJsonAsync("/graphql", new { query })).Content.ReadAsStringAsync();
            if (condition(body)) return;
            await Task.Delay(250);
        } while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"Not within 30 s: {body}");
    }

    async Task WithPagesOnFailureAsync(Func<Task> test)
    {
        try
        {
            await test();
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException or Xunit.Sdk.XunitException)
        {
            string logs;
            try { logs = fixture.Platform.Logs(); } catch (IOException) { logs = "(the platform's logs are gone)"; }
            throw new InvalidOperationException(e.Message + "\n\n" + await fixture.DescribePagesAsync() + "\n\n" + logs, e);
        }
    }
}
