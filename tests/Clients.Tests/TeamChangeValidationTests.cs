using System.Net;
using System.Text.Json;
using ClientRequests.Clients.Data;
using ClientRequests.Contracts.Clients;
using ClientRequests.Messaging.Outbox;
using ClientRequests.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Clients.Tests;

/// <summary>Bad hand-overs and team changes are named 400s and 409s, and concurrent ones leave one team, announced once.</summary>
public sealed class TeamChangeValidationTests(ClientsApp app) : IClassFixture<ClientsApp>
{
    async Task<ClientDto> NewClientAsync(string name) =>
        await (await app.ClientFor(DemoUsers.Alice).PostJsonAsync("/api/clients", new { name = $"{name} {Guid.NewGuid():N}", industry = "Testing" }))
            .ReadAsync<ClientDto>(HttpStatusCode.Created);

    [Theory]
    [InlineData("nobody-we-know", HttpStatusCode.BadRequest)]
    [InlineData("bob", HttpStatusCode.BadRequest)]
    [InlineData("alice", HttpStatusCode.Conflict)]
    public async Task Handing_a_client_to_an_unknown_user_an_executive_or_its_manager_names_the_field_and_changes_nothing(string to, HttpStatusCode expected)
    {
        var client = await NewClientAsync("Bad handover");
        var http = app.ClientFor(DemoUsers.Alice);

        await (await http.PutJsonAsync($"/api/clients/{client.Id}/account-manager", new { accountManagerId = to })).ProblemAsync(expected, "accountManagerId");

        var team = await (await http.GetAsync($"/api/clients/{client.Id}/team")).ReadAsync<TeamDto>();
        Assert.Equal("alice", team.AccountManagerId);
        Assert.Equal(0, await AnnouncedAsync(client.Id));
    }

    [Fact]
    public async Task A_stale_version_on_a_hand_over_is_a_409_naming_it()
    {
        var client = await NewClientAsync("Stale handover");
        var response = await app.ClientFor(DemoUsers.Alice).PutJsonAsync($"/api/clients/{client.Id}/account-manager",
            new { accountManagerId = "mallory", version = client.Version + 5 });
        await response.ProblemAsync(HttpStatusCode.Conflict, "version");
    }

    [Fact]
    public async Task An_executive_on_one_team_is_not_assigned_to_a_second_until_released()
    {
        var grace = app.ClientFor(DemoUsers.Grace);
        var executive = $"exec-{Guid.NewGuid():N}"[..20];
        Assert.Equal(HttpStatusCode.NoContent, (await grace.PutJsonAsync($"/api/clients/account-executives/{executive}", new { managerId = "alice" })).StatusCode);

        await (await grace.PutJsonAsync($"/api/clients/account-executives/{executive}", new { managerId = "mallory" })).ProblemAsync(HttpStatusCode.Conflict, "managerId");
        await (await grace.PutJsonAsync($"/api/clients/account-executives/{executive}", new { managerId = "someone-unknown" })).ProblemAsync(HttpStatusCode.BadRequest, "managerId");

        Assert.Equal(HttpStatusCode.NoContent, (await grace.DeleteAsync($"/api/clients/account-executives/{executive}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await grace.PutJsonAsync($"/api/clients/account-executives/{executive}", new { managerId = "mallory" })).StatusCode);
    }

    [Fact]
    public async Task Concurrent_hand_overs_of_one_client_with_its_version_let_one_win_and_announce_only_that()
    {
        var client = await NewClientAsync("Raced handover");
        var grace = app.ClientFor(DemoUsers.Grace);
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            grace.PutJsonAsync($"/api/clients/{client.Id}/account-manager", new { accountManagerId = "mallory", version = client.Version })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        foreach (var conflict in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            await conflict.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("mallory", (await (await grace.GetAsync($"/api/clients/{client.Id}/team")).ReadAsync<TeamDto>()).AccountManagerId);
        Assert.Equal(1, await AnnouncedAsync(client.Id));
    }

    [Fact]
    public async Task Concurrent_hand_overs_to_different_managers_end_on_the_team_announced_last()
    {
        var client = await NewClientAsync("Two-way race");
        var grace = app.ClientFor(DemoUsers.Grace);
        // A second manager with a book, so both targets are known managers.
        var other = $"mgr-{Guid.NewGuid():N}"[..16];
        await (await grace.PostJsonAsync("/api/clients", new { name = "Other book", industry = "Testing", accountManagerId = other })).ReadAsync<ClientDto>(HttpStatusCode.Created);

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            grace.PutJsonAsync($"/api/clients/{client.Id}/account-manager", new { accountManagerId = i % 2 == 0 ? "mallory" : other })));

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, r.StatusCode.ToString()));
        var saved = responses.Count(r => r.StatusCode == HttpStatusCode.OK);
        Assert.True(saved >= 1);
        var final = (await (await grace.GetAsync($"/api/clients/{client.Id}/team")).ReadAsync<TeamDto>()).AccountManagerId;
        // Every saved hand-over was announced, and the one stamped last names the team that is stored: a service
        // applying the latest event (any order) ends on the same team.
        var announced = await AnnouncementsAsync(client.Id);
        Assert.Equal(saved, announced.Count);
        Assert.Equal(final, announced.MaxBy(a => a.ChangedAt)!.AccountManagerId);
    }

    async Task<int> AnnouncedAsync(Guid clientId) => (await AnnouncementsAsync(clientId)).Count;

    async Task<List<AccountTeamChanged>> AnnouncementsAsync(Guid clientId)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ClientsDbContext>();
        var bodies = await db.Set<OutboxMessage>().Where(m => m.MessageType.Contains(nameof(AccountTeamChanged))).Select(m => m.Body).ToListAsync();
        return bodies.Select(b => JsonSerializer.Deserialize<AccountTeamChanged>(b, Http.Json)!).Where(e => e.ClientId == clientId).ToList();
    }
}
