using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClientRequests.ServiceDefaults.Security;

namespace ClientRequests.EndToEnd.Tests;

/// <summary>
/// <c>me.work</c>, <c>me.notifications</c> and <c>markNotificationsRead</c> at the real gateway over the real departments
/// and notifications services: each caller sees only their own, and the user always comes from the token.
/// </summary>
public sealed class MeWorkAndNotificationsTests(PlatformFixture fixture)
{
    const string WorkSelection = """
        nodes { id status departmentCode dueAt claimedBy requestId request { id title } department { code name } }
        pageInfo { hasNextPage endCursor }
        """;

    [Fact]
    public async Task An_agent_sees_the_items_they_claimed_in_me_work_and_nobody_else_does()
    {
        var (manager, clientId) = await NewBookAsync();
        using var owner = fixture.Platform.GatewayClient(manager);
        var (requestId, workItemId) = await OpenAsync(owner, clientId, "Work for me.work");

        using var carol = fixture.Platform.GatewayClient(DemoUsers.Carol);
        await ClaimAsync(carol, workItemId);

        var item = FindItem(await WorkAsync(carol, includeClosed: false), workItemId)
            ?? throw new Xunit.Sdk.XunitException($"carol's work lacks {workItemId}");
        Assert.Equal("Claimed", item.GetProperty("status").GetString());
        Assert.Equal("billing", item.GetProperty("departmentCode").GetString());
        Assert.Equal("Billing", item.GetProperty("department").GetProperty("name").GetString());
        Assert.Equal("carol", item.GetProperty("claimedBy").GetString());
        Assert.Equal(requestId, item.GetProperty("requestId").GetString());
        Assert.Equal("Work for me.work", item.GetProperty("request").GetProperty("title").GetString());
        Assert.True(item.GetProperty("dueAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));

        // Her lead, the account manager and another department's agent hold nothing of it.
        foreach (var other in new[] { DemoUsers.Dave, manager, DemoUsers.Erin })
        {
            using var http = fixture.Platform.GatewayClient(other);
            Assert.Null(FindItem(await WorkAsync(http, includeClosed: true), workItemId));
        }

        // Completed, it leaves the open list and stays in the history.
        await StepAsync(carol, "startWorkItem", workItemId, "");
        await StepAsync(carol, "completeWorkItem", workItemId, ", resolutionNote: \"Refunded.\"");
        Assert.Null(FindItem(await WorkAsync(carol, includeClosed: false), workItemId));
        Assert.Equal("Completed", FindItem(await WorkAsync(carol, includeClosed: true), workItemId)?.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Me_work_pages_with_a_cursor_and_refuses_a_page_size_out_of_bounds()
    {
        var (manager, clientId) = await NewBookAsync();
        using var owner = fixture.Platform.GatewayClient(manager);
        using var carol = fixture.Platform.GatewayClient(DemoUsers.Carol);
        var claimed = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var (_, workItemId) = await OpenAsync(owner, clientId, $"Paged work {i}");
            await ClaimAsync(carol, workItemId);
            claimed.Add(workItemId);
        }

        // Walk every page of two: each claimed item appears exactly once.
        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = (await GraphQLAsync(carol, $$"""query($after: String) { me { work(first: 2, after: $after) { {{WorkSelection}} } } }""",
                new { after })).GetProperty("me").GetProperty("work");
            Assert.True(page.GetProperty("nodes").GetArrayLength() <= 2);
            seen.AddRange(page.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!));
            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        } while (after is not null);
        Assert.All(claimed, id => Assert.Single(seen, id));

        var tooMany = await RawAsync(carol, "{ me { work(first: 201) { nodes { id } } } }");
        Assert.Equal("BAD_REQUEST", tooMany.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        var badCursor = await RawAsync(carol, """{ me { work(after: "not-a-cursor") { nodes { id } } } }""");
        Assert.Equal("BAD_REQUEST", badCursor.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_manager_sees_only_their_own_notifications_marks_them_read_and_the_unread_count_drops()
    {
        var (manager, clientId) = await NewBookAsync();
        using var owner = fixture.Platform.GatewayClient(manager);
        var (requestId, workItemId) = await OpenAsync(owner, clientId, "Notify my team");

        using var carol = fixture.Platform.GatewayClient(DemoUsers.Carol);
        await ClaimAsync(carol, workItemId);
        await StepAsync(carol, "startWorkItem", workItemId, "");
        await GraphQLAsync(carol, """mutation($id: ID!) { addComment(requestId: $id, text: "Refund on its way.") { id } }""", new { id = requestId });

        // Claimed, started, commented by carol; the request's own status changes and its submission reach the team too.
        const string Inbox = """
            { me { unreadNotifications notifications(first: 50) { nodes { id kind read readAt requestId request { id title } } pageInfo { hasNextPage } } } }
            """;
        string[] expected = ["comment-added", "work-item-claimed", "work-item-started"];
        var last = "";
        var me = (await Eventually.GetAsync(async () =>
        {
            var data = (await GraphQLAsync(owner, Inbox)).GetProperty("me");
            var kinds = data.GetProperty("notifications").GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("kind").GetString()!).ToList();
            // Each event kind has its own queue, so they land in any order: wait until the inbox stops growing.
            var settled = expected.All(kinds.Contains) && last == data.ToString();
            last = data.ToString();
            if (!settled) await Task.Delay(TimeSpan.FromSeconds(2));
            return settled ? new Found(data) : null;
        }, () => $"last inbox: {last}\n{fixture.Platform.Logs()}", TimeSpan.FromSeconds(60))).Value;
        var notifications = me.GetProperty("notifications").GetProperty("nodes").EnumerateArray().ToList();
        var count = notifications.Count;
        Assert.Equal(count, me.GetProperty("unreadNotifications").GetInt32());
        Assert.Subset(notifications.Select(n => n.GetProperty("kind").GetString()!).ToHashSet(), expected.ToHashSet());
        Assert.All(notifications, n =>
        {
            Assert.False(n.GetProperty("read").GetBoolean());
            Assert.Equal(requestId, n.GetProperty("requestId").GetString());
            Assert.Equal("Notify my team", n.GetProperty("request").GetProperty("title").GetString());
        });
        var claimedId = notifications.Single(n => n.GetProperty("kind").GetString() == "work-item-claimed").GetProperty("id").GetString()!;

        // Another user sees none of them and cannot mark them read: an id outside one's inbox is NOT_FOUND, nothing changes.
        var (stranger, _) = await NewBookAsync();
        using var other = fixture.Platform.GatewayClient(stranger);
        var theirs = (await GraphQLAsync(other, Inbox)).GetProperty("me");
        Assert.Equal(0, theirs.GetProperty("unreadNotifications").GetInt32());
        Assert.Empty(theirs.GetProperty("notifications").GetProperty("nodes").EnumerateArray());
        var refused = await RawAsync(other, "mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { marked } }", new { ids = new[] { claimedId } });
        Assert.Equal("NOT_FOUND", refused.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(count, (await GraphQLAsync(owner, Inbox)).GetProperty("me").GetProperty("unreadNotifications").GetInt32());

        // The owner marks one read: the count drops, the unread list leaves it out; marking it again changes nothing.
        const string Mark = "mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) { marked unreadNotifications } }";
        var marked = (await GraphQLAsync(owner, Mark, new { ids = new[] { claimedId } })).GetProperty("markNotificationsRead");
        Assert.Equal(1, marked.GetProperty("marked").GetInt32());
        Assert.Equal(count - 1, marked.GetProperty("unreadNotifications").GetInt32());
        var again = (await GraphQLAsync(owner, Mark, new { ids = new[] { claimedId } })).GetProperty("markNotificationsRead");
        Assert.Equal(0, again.GetProperty("marked").GetInt32());

        var unread = (await GraphQLAsync(owner, """
            { me { unreadNotifications notifications(unreadOnly: true) { nodes { id } } all: notifications { nodes { id read readAt } } } }
            """)).GetProperty("me");
        Assert.Equal(count - 1, unread.GetProperty("unreadNotifications").GetInt32());
        Assert.DoesNotContain(unread.GetProperty("notifications").GetProperty("nodes").EnumerateArray(), n => n.GetProperty("id").GetString() == claimedId);
        var read = unread.GetProperty("all").GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("id").GetString() == claimedId);
        Assert.True(read.GetProperty("read").GetBoolean());
        Assert.Equal(JsonValueKind.String, read.GetProperty("readAt").ValueKind);

        var all = (await GraphQLAsync(owner, "mutation { markNotificationsRead(all: true) { marked unreadNotifications } }"))
            .GetProperty("markNotificationsRead");
        Assert.Equal(count - 1, all.GetProperty("marked").GetInt32());
        Assert.Equal(0, all.GetProperty("unreadNotifications").GetInt32());
    }

    [Fact]
    public async Task Marking_notifications_read_names_what_is_wrong_with_the_arguments()
    {
        using var alice = fixture.Platform.GatewayClient(DemoUsers.Alice);
        var cases = new (string Mutation, string Expected)[]
        {
            ("mutation { markNotificationsRead { marked } }", "'ids'"),
            ("mutation { markNotificationsRead(ids: []) { marked } }", "'ids'"),
            ($"mutation {{ markNotificationsRead(ids: [\"{Guid.NewGuid()}\"], all: true) {{ marked }} }}", "'ids'"),
            ("mutation { markNotificationsRead(ids: [\"not-a-guid\"]) { marked } }", "ids:"),
            ($"mutation {{ markNotificationsRead(ids: [{string.Join(",", Enumerable.Range(0, 101).Select(_ => $"\"{Guid.NewGuid()}\""))}]) {{ marked }} }}", "at most 100"),
        };
        foreach (var (mutation, expected) in cases)
        {
            var body = await RawAsync(alice, mutation);
            var error = body.GetProperty("errors")[0];
            Assert.Equal("BAD_REQUEST", error.GetProperty("extensions").GetProperty("code").GetString());
            Assert.Contains(expected, error.GetProperty("message").GetString());
        }
    }

    /// <summary>A fresh account manager with one client: an inbox no other test writes to.</summary>
    async Task<(PlatformUser Manager, string ClientId)> NewBookAsync()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var manager = new PlatformUser($"manager-{suffix}", $"Manager {suffix}", [Roles.AccountManager], []);
        using var http = fixture.Platform.GatewayClient(manager);
        var response = await http.PostAsJsonAsync("api/clients", new { name = $"Client {suffix}", industry = "Retail" });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{response.StatusCode}: {body}");
        return (manager, JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!);
    }

    static async Task<(string RequestId, string WorkItemId)> OpenAsync(HttpClient owner, string clientId, string title)
    {
        var opened = (await GraphQLAsync(owner, """
            mutation($input: OpenRequestInput!) { openRequest(input: $input) { id workItems { id departmentCode } } }
            """, new { input = new { clientId, type = "billing", priority = "P3", title, description = "From the me tests.", departments = new[] { "billing" } } }))
            .GetProperty("openRequest");
        var item = opened.GetProperty("workItems").EnumerateArray().Single(w => w.GetProperty("departmentCode").GetString() == "billing");
        return (opened.GetProperty("id").GetString()!, item.GetProperty("id").GetString()!);
    }

    /// <summary>The item reaches the departments service through its queue: claim as soon as it is there.</summary>
    async Task ClaimAsync(HttpClient agent, string workItemId) =>
        await Eventually.GetAsync(async () =>
        {
            var body = await RawAsync(agent, """mutation($id: ID!) { claimWorkItem(departmentCode: "billing", workItemId: $id) { id status } }""",
                new { id = workItemId });
            if (!body.TryGetProperty("errors", out var errors)) return "claimed";
            Assert.Equal("NOT_FOUND", errors[0].GetProperty("extensions").GetProperty("code").GetString());
            return null;
        }, fixture.Platform.Logs);

    static async Task StepAsync(HttpClient agent, string step, string workItemId, string arguments) =>
        await GraphQLAsync(agent, $$"""mutation($id: ID!) { {{step}}(departmentCode: "billing", workItemId: $id{{arguments}}) { id status } }""",
            new { id = workItemId });

    /// <summary>Every page of the caller's work, twenty at a time.</summary>
    static async Task<List<JsonElement>> WorkAsync(HttpClient http, bool includeClosed)
    {
        var items = new List<JsonElement>();
        string? after = null;
        do
        {
            var page = (await GraphQLAsync(http, $$"""
                query($after: String, $closed: Boolean) { me { work(first: 20, after: $after, includeClosed: $closed) { {{WorkSelection}} } } }
                """, new { after, closed = includeClosed })).GetProperty("me").GetProperty("work");
            items.AddRange(page.GetProperty("nodes").EnumerateArray());
            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        } while (after is not null);
        return items;
    }

    static JsonElement? FindItem(List<JsonElement> items, string workItemId) =>
        items.Where(n => n.GetProperty("id").GetString() == workItemId).Select(n => (JsonElement?)n).FirstOrDefault();

    sealed record Found(JsonElement Value);

    static async Task<JsonElement> RawAsync(HttpClient http, string query, object? variables = null)
    {
        var response = await http.PostAsJsonAsync("graphql", new { query, variables });
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    static async Task<JsonElement> GraphQLAsync(HttpClient http, string query, object? variables = null)
    {
        var response = await http.PostAsJsonAsync("graphql", new { query, variables });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {body}");
        var root = JsonDocument.Parse(body).RootElement;
        Assert.False(root.TryGetProperty("errors", out _), body);
        return root.GetProperty("data");
    }
}
