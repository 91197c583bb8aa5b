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

        Platform = await Platform.StartAsync();
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

    /// <summary>A fresh browser profile at the given width, signed in as a demo user through the sign-in page.</summary>
    public async Task<IPage> SignedInPageAsync(string userId, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = Platform.GatewayAddress.ToString(), ViewportSize = new() { Width = width, Height = height } });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/console/");
        await page.Locator($"button[data-user='{userId}']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).WaitForAsync();
        return page;
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
}
