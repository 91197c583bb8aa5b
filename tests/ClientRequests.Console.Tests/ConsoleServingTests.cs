using System.Net;
using System.Net.Http.Headers;

namespace ClientRequests.Console.Tests;

/// <summary>The gateway serves the console's build anonymously and, in Development, GraphiQL to browsers at /graphql.</summary>
public sealed class ConsoleServingTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task The_console_is_served_anonymously_with_its_assets_and_its_routes_fall_back_to_the_page()
    {
        using var http = fixture.Platform.GatewayClient();
        var page = await http.GetAsync("console/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("<div id=\"root\">", html);

        var asset = System.Text.RegularExpressions.Regex.Match(html, "/console/(assets/[^\"]+\\.js)").Groups[1].Value;
        var script = await http.GetAsync("console/" + asset);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("immutable", script.Headers.CacheControl?.ToString());

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("console/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("console/assets/missing.js")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync("console/..%2F..%2FREADME.md")).StatusCode);

        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Platform.GatewayAddress };
        var root = await noRedirect.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/console/", root.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_browser_asking_for_graphql_gets_GraphiQL_in_Development_while_the_API_still_requires_a_token()
    {
        using var http = fixture.Platform.GatewayClient();
        using var browser = new HttpRequestMessage(HttpMethod.Get, "graphql");
        browser.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,*/*;q=0.8");
        var ide = await http.SendAsync(browser);
        Assert.Equal(HttpStatusCode.OK, ide.StatusCode);
        Assert.Contains("ClientRequests GraphiQL", await ide.Content.ReadAsStringAsync());

        using var api = new HttpRequestMessage(HttpMethod.Get, "graphql?query=%7Bme%7Bid%7D%7D");
        api.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/graphql-response+json"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(api)).StatusCode);

        // A query in the address is an API call even from a browser: no page, the token is still required.
        using var browserQuery = new HttpRequestMessage(HttpMethod.Get, "graphql?query=%7Bme%7Bid%7D%7D");
        browserQuery.Headers.Accept.ParseAdd("text/html");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(browserQuery)).StatusCode);
    }
}
