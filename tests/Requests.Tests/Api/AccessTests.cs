using System.Net;
using System.Net.Http.Json;
using ClientRequests.Requests.Apis;
using ClientRequests.ServiceDefaults.Paging;
using ClientRequests.ServiceDefaults.Security;
using static Requests.Tests.Api.Scenario;

namespace Requests.Tests.Api;

/// <summary>Another team's token on every endpoint: 403 or 404, and never the request's data.</summary>
public sealed class AccessTests(RequestsAppFixture fixture) : IClassFixture<RequestsAppFixture>
{
    RequestsApp App => fixture.App;

    static IEnumerable<(HttpMethod Method, string Path, object? Body)> Endpoints(Guid id) =>
    [
        (HttpMethod.Get, $"/api/requests/{id}", null),
        (HttpMethod.Get, $"/api/requests/{id}/timeline", null),
        (HttpMethod.Post, $"/api/requests/{id}/comments", new { text = "Let me in" }),
        (HttpMethod.Post, $"/api/requests/{id}/cancel", new { }),
        (HttpMethod.Post, $"/api/requests/{id}/wait-on-client", new { }),
        (HttpMethod.Post, $"/api/requests/{id}/resume", new { }),
        (HttpMethod.Post, $"/api/requests/{id}/reopen", new { }),
        (HttpMethod.Post, $"/api/requests/{id}/satisfaction", new { score = 1 }),
    ];

    [Theory]
    [InlineData("mallory")]
    [InlineData("erin")]
    public async Task Another_teams_token_gets_403_or_404_and_no_data_on_every_endpoint(string userId)
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var opened = await OpenAsync(alice);
        using var other = App.ClientFor(DemoUsers.Find(userId)!);

        foreach (var (method, path, body) in Endpoints(opened.Id))
        {
            var response = await other.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) });
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{method} {path}: {(int)response.StatusCode} {text}");
            Assert.DoesNotContain("Invoice charged twice", text);
        }
        foreach (var list in new[] { "/api/requests", $"/api/requests?clientId={TestClients.Acme}", "/api/requests?department=billing" })
        {
            var response = await other.GetAsync(list);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{list}: {text}");
            Assert.DoesNotContain(opened.Id.ToString(), text);
        }
        Assert.Equal("Submitted", (await GetAsync(alice, opened.Id)).Status);
    }

    [Fact]
    public async Task An_agent_sees_a_request_through_the_work_item_of_their_department_but_cannot_act_on_it()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        using var carol = App.ClientFor(DemoUsers.Carol);
        var opened = await OpenAsync(alice);

        Assert.Equal(opened.Id, (await GetAsync(carol, opened.Id)).Id);
        Assert.Contains((await carol.GetFromJsonAsync<Page<RequestSummary>>("/api/requests?department=billing"))!.Items, r => r.Id == opened.Id);
        Assert.Equal(HttpStatusCode.Forbidden, (await carol.PostAsJsonAsync($"/api/requests/{opened.Id}/cancel", new { })).StatusCode);
    }

    [Fact]
    public async Task Importing_for_another_teams_client_reports_not_found_and_records_nothing()
    {
        using var mallory = App.ClientFor(DemoUsers.Mallory);
        var line = System.Text.Json.JsonSerializer.Serialize(Body(externalReference: "MALLORY-ACME"));
        var response = await mallory.PostAsync("/api/requests/import", new StringContent(line, System.Text.Encoding.UTF8, "application/x-ndjson"));
        var report = (await response.Content.ReadFromJsonAsync<ImportReport>())!;
        Assert.Equal("not-found", Assert.Single(report.Lines).Outcome);
        Assert.Equal(0, await App.QueryAsync(db => Task.FromResult(db.Requests.Count(r => r.ExternalReference == "MALLORY-ACME"))));
    }

    [Fact]
    public async Task Opening_a_request_for_another_teams_client_is_a_404_and_records_nothing()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var response = await alice.PostAsJsonAsync("/api/requests", Body(clientId: TestClients.Initech, externalReference: "ALICE-INITECH"));
        await ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal(0, await App.QueryAsync(db => Task.FromResult(db.Requests.Count(r => r.ExternalReference == "ALICE-INITECH"))));
    }
}
