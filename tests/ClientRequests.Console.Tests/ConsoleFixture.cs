using ClientRequests.TestKit;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(ClientRequests.Console.Tests.ConsoleFixture))]

namespace ClientRequests.Console.Tests;

/// <summary>
/// The real platform (five processes, the gateway serving web/console/dist) and Debian's Chromium driven by Playwright.
/// No browser can be downloaded here, so Playwright is pointed at /usr/bin/chromium (installed by eng/install-prerequisites.sh).
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public Platform Platform { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    IPlaywright? playwright;
    readonly List<(string User, IPage Page)> pages = [];

    /// <summary>What every open page shows, saved as failure screenshots and returned as text for a failing test's message.</summary>
    public async Task<string> DescribePagesAsync()
    {
        var text = new List<string>();
        foreach (var (user, page) in pages.Where(p => !p.Page.IsClosed))
        {
            try
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, $"failure-{user}.png"), FullPage = true });
                text.Add($"== {user} at {page.Url} ==\n{await page.InnerTextAsync("body")}");
            }
            catch (PlaywrightException e) { text.Add($"== {user}: {e.Message}"); }
        }
        return string.Join("\n\n", text);
    }

    /// <summary>Screenshots of each page, kept with the test results (and copied to docs/screenshots for the README).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(Repository.Root, "web", "console", "test-results", "screenshots");

    public async ValueTask InitializeAsync()
    {
        var build = Path.Combine(Repository.Root, "web", "console", "dist", "index.html");
        if (!File.Exists(build))
            throw new InvalidOperationException($"The console is not built ({build} is missing): run `npm ci && npm run build` in web/console (./test.sh does).");
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: eng/install-prerequisites.sh installs Debian's chromium package.");
        Directory.CreateDirectory(ScreenshotFolder);

        // Two shared cores: the first GraphQL calls of a cold platform can take seconds.
        Assertions.SetDefaultExpectTimeout(30_000);
        // A cold service on a busy machine can take longer than the gateway's 10 s query limit; the limit has its own test.
        Platform = await Platform.StartAsync(settings: new Dictionary<string, string> { ["Gateway__GraphQL__Timeout"] = "00:01:00" });
        playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        // --no-sandbox: tests run as root here, where Chromium's sandbox refuses to start.
        Browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ["--no-sandbox"] });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        if (Platform is not null) await Platform.DisposeAsync();
    }

    /// <summary>A fresh browser profile at the given width, not signed in, on the console's sign-in page.</summary>
    public async Task<IPage> NewPageAsync(string name, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = Platform.GatewayAddress.ToString(), ViewportSize = new() { Width = width, Height = height } });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        lock (pages) pages.Add((name, page));
        await page.GotoAsync("/console/");
        return page;
    }

    /// <summary>
    /// A fresh browser profile signed in as a demo user through the authorization code flow: the console's Sign in,
    /// the embedded provider's page (user and password), and back to the console.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(string userId, int width = 1280, int height = 900)
    {
        var page = await NewPageAsync(userId, width, height);
        await SignInAsync(page, userId);
        return page;
    }

    public static async Task SignInAsync(IPage page, string userId)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.Locator("select[name='user']").SelectOptionAsync(userId);
        await page.Locator("input[name='password']").FillAsync("demo");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
}
