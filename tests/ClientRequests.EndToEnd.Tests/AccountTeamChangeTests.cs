using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.EndToEnd.Tests;

/// <summary>
/// Who sees a client's requests follows its account team as it changes, through the real processes and broker: REST and
/// GraphQL lists, reads by id, the dashboard and new notifications (ADR 0029). Each test registers a client of its own,
/// so the demo clients other tests use keep their teams.
/// </summary>
public sealed class AccountTeamChangeTests(PlatformFixture fixture)
{
    /// <summary>The bound the ADR documents: a team change is in effect everywhere within this.</summary>
    static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task After_a_hand_over_the_former_manager_sees_none_of_the_clients_requests_anywhere_and_the_new_manager_all()
    {
        using var alice = fixture.Platform.GatewayClient(DemoUsers.Alice);
        using var mallory = fixture.Platform.GatewayClient(DemoUsers.Mallory);
        using var grace = fixture.Platform.GatewayClient(DemoUsers.Grace);
        var client = await RegisterAsync(alice, "Handover");
        var opened = new[] { await OpenAsync(alice, client, "first"), await OpenAsync(alice, client, "second") };
        Assert.Equal(opened.Order(), (await RestListAsync(alice, opened)).Order());
        Assert.Empty(await RestListAsync(mallory, opened));
        Assert.Contains(client.ToString(), await DashboardClientsAsync(alice));

        var handedAt = Stopwatch.StartNew();
        var response = await grace.PutAsJsonAsync($"api/clients/{client}/account-manager", new { accountManagerId = "mallory" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Everywhere within the bound: the new manager's REST list is the last of the places the change reaches.
        await WithinAsync(async () => (await RestListAsync(mallory, opened)).Count == opened.Length, "Mallory lists the client's requests");
        await WithinAsync(async () => (await RestListAsync(alice, opened)).Count == 0, "Alice lists none of them");
        Assert.True(handedAt.Elapsed < Bound, $"The hand-over took {handedAt.Elapsed} to reach the lists.");
        Assert.Empty(await GraphQLListAsync(alice, opened));
        Assert.Equal(opened.Order(), (await GraphQLListAsync(mallory, opened)).Order());
        foreach (var id in opened)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"api/requests/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await mallory.GetAsync($"api/requests/{id}")).StatusCode);
        }
        Assert.DoesNotContain(client.ToString(), await DashboardClientsAsync(alice));
        Assert.Contains(client.ToString(), await DashboardClientsAsync(mallory));

        // New notifications about the client's requests reach the new team, not the former manager.
        var comment = await grace.PostAsJsonAsync($"api/requests/{opened[0]}/comments", new { text = "After the hand-over" });
        Assert.Equal(HttpStatusCode.Created, comment.StatusCode);
        await WithinAsync(async () => (await InboxAsync(mallory, opened[0])).Any(n => n.GetProperty("kind").GetString() == "comment-added"),
            "Mallory is told of the comment", TimeSpan.FromSeconds(30));
        Assert.DoesNotContain(await InboxAsync(alice, opened[0]), n => n.GetProperty("kind").GetString() == "comment-added");
    }

    [Fact]
    public async Task An_executive_sees_the_requests_of_their_managers_clients_and_loses_them_when_released()
    {
        using var mallory = fixture.Platform.GatewayClient(DemoUsers.Mallory);
        using var grace = fixture.Platform.GatewayClient(DemoUsers.Grace);
        var executive = new PlatformUser($"exec-{Guid.NewGuid():N}"[..18], "Temporary Executive", [Roles.AccountExecutive], []);
        using var exec = fixture.Platform.GatewayClient(executive);
        var client = await RegisterAsync(mallory, "Executive");
        var opened = new[] { await OpenAsync(mallory, client, "one"), await OpenAsync(mallory, client, "two") };
        Assert.Empty(await RestListAsync(exec, opened));

        Assert.Equal(HttpStatusCode.NoContent, (await grace.PutAsJsonAsync($"api/clients/account-executives/{executive.Id}", new { managerId = "mallory" })).StatusCode);
        await WithinAsync(async () => (await RestListAsync(exec, opened)).Count == opened.Length, "the executive lists the manager's client's requests");
        Assert.Equal(opened.Order(), (await GraphQLListAsync(exec, opened)).Order());
        Assert.Equal(HttpStatusCode.OK, (await exec.GetAsync($"api/requests/{opened[0]}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await grace.DeleteAsync($"api/clients/account-executives/{executive.Id}")).StatusCode);
        await WithinAsync(async () => (await RestListAsync(exec, opened)).Count == 0, "the released executive lists none of them");
        Assert.Empty(await GraphQLListAsync(exec, opened));
        Assert.Equal(HttpStatusCode.NotFound, (await exec.GetAsync($"api/requests/{opened[0]}")).StatusCode);
        Assert.DoesNotContain(client.ToString(), await DashboardClientsAsync(exec));
    }

    static async Task<Guid> RegisterAsync(HttpClient manager, string name)
    {
        var response = await manager.PostAsJsonAsync("api/clients", new { name = $"{name} {Guid.NewGuid():N}", industry = "Testing" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Opens a request (intake asks the clients directory, so a client registered a moment ago is found).</summary>
    static async Task<Guid> OpenAsync(HttpClient manager, Guid client, string title)
    {
        var body = new { clientId = client, type = "billing", priority = "P3", title = $"Team change {title}", description = "End to end." };
        var response = await manager.PostAsJsonAsync("api/requests", body);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    static async Task<List<Guid>> RestListAsync(HttpClient http, IReadOnlyCollection<Guid> among)
    {
        var page = await http.GetFromJsonAsync<JsonElement>("api/requests?limit=200");
        return page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).Where(among.Contains).ToList();
    }

    static async Task<List<Guid>> GraphQLListAsync(HttpClient http, IReadOnlyCollection<Guid> among)
    {
        var data = await GraphQLAsync(http, "{ requests(first: 200) { nodes { id } } }");
        return data.GetProperty("requests").GetProperty("nodes").EnumerateArray().Select(n => Guid.Parse(n.GetProperty("id").GetString()!))
            .Where(among.Contains).ToList();
    }

    static async Task<List<string>> DashboardClientsAsync(HttpClient http)
    {
        var data = await GraphQLAsync(http, "{ dashboard(days: 7) { slaByClient { key } } }");
        return data.GetProperty("dashboard").GetProperty("slaByClient").EnumerateArray().Select(c => c.GetProperty("key").GetString()!).ToList();
    }

    static async Task<List<JsonElement>> InboxAsync(HttpClient http, Guid requestId)
    {
        var page = await http.GetFromJsonAsync<JsonElement>("api/notifications?limit=200");
        return page.GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("requestId").ValueKind == JsonValueKind.String && n.GetProperty("requestId").GetGuid() == requestId).ToList();
    }

    static async Task<JsonElement> GraphQLAsync(HttpClient http, string query)
    {
        var response = await http.PostAsJsonAsync("graphql", new { query });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        var root = JsonDocument.Parse(body).RootElement;
        Assert.False(root.TryGetProperty("errors", out _), body);
        return root.GetProperty("data");
    }

    async Task WithinAsync(Func<Task<bool>> condition, string what, TimeSpan? bound = null)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > (bound ?? Bound)) Assert.Fail($"Not within {bound ?? Bound}: {what}.\n{fixture.Platform.Logs()}");
            await Task.Delay(100);
        }
    }
}
