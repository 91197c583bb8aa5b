using System.Net;
using System.Net.Http.Json;
using ClientRequests.Requests.Apis;
using ClientRequests.ServiceDefaults.Paging;
using ClientRequests.ServiceDefaults.Security;
using static Requests.Tests.Api.Scenario;

namespace Requests.Tests.Api;

public sealed class ListApiTests(RequestsAppFixture fixture) : IClassFixture<RequestsAppFixture>
{
    RequestsApp App => fixture.App;

    [Fact]
    public async Task A_filtered_list_pages_by_cursor_newest_first_without_gaps_or_repeats()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var opened = new List<Guid>();
        foreach (var (type, priority) in new[] { ("need", "P1"), ("contract-change", "P1"), ("need", "P3"), ("need", "P1"), ("need", "P1") })
        {
            var response = await alice.PostAsJsonAsync("/api/requests", new
            {
                clientId = TestClients.Acme, type, priority, title = $"List {tag}", description = "d", externalReference = $"{tag}-{opened.Count}",
            });
            opened.Add((await response.Content.ReadFromJsonAsync<RequestView>())!.Id);
        }
        var since = (await GetAsync(alice, opened[0])).SubmittedAt;

        var seen = new List<RequestSummary>();
        string? after = null;
        do
        {
            var url = $"/api/requests?clientId={TestClients.Acme}&type=need&priority=P1&status=Submitted&breached=false&from={Uri.EscapeDataString(since.ToString("O"))}&limit=2"
                + (after is null ? "" : $"&after={after}");
            var page = (await alice.GetFromJsonAsync<Page<RequestSummary>>(url))!;
            seen.AddRange(page.Items);
            after = page.NextCursor;
        } while (after is not null);

        Assert.Equal([opened[4], opened[3], opened[0]], seen.Where(r => r.Title == $"List {tag}").Select(r => r.Id));
        Assert.Equal(seen.Count, seen.DistinctBy(r => r.Id).Count());
        // Each row carries the request's clocks, the same instants as the request itself.
        foreach (var row in seen.Where(r => r.Title == $"List {tag}"))
        {
            var request = await GetAsync(alice, row.Id);
            Assert.Equal("on-track", row.Sla.State);
            Assert.NotNull(row.Sla.ResolutionDueAt);
            Assert.Equal(request.Sla, row.Sla with { ElapsedBusinessMinutes = request.Sla.ElapsedBusinessMinutes });
        }
        var legal = (await alice.GetFromJsonAsync<Page<RequestSummary>>($"/api/requests?department=legal&from={Uri.EscapeDataString(since.ToString("O"))}"))!;
        Assert.Equal([opened[1]], legal.Items.Where(r => r.Title == $"List {tag}").Select(r => r.Id));
    }

    [Theory]
    [InlineData("status=Lost", "status")]
    [InlineData("priority=P9", "priority")]
    [InlineData("limit=0", "limit")]
    [InlineData("after=not-a-cursor", "after")]
    [InlineData("from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to")]
    public async Task A_bad_filter_is_a_400_naming_it(string query, string field)
    {
        using var grace = App.ClientFor(DemoUsers.Grace);
        var problem = await ProblemAsync(await grace.GetAsync($"/api/requests?{query}"), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
