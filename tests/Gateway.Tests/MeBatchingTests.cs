using System.Net;
using ClientRequests.ServiceDefaults.Security;

namespace Gateway.Tests;

/// <summary>The caller's work and inbox: one call per service per level, however many rows they hold.</summary>
public sealed class MeBatchingTests
{
    const string RequestDirectory = "clientrequests.requests.v1.RequestDirectory";
    const string DepartmentDirectory = "clientrequests.departments.v1.DepartmentDirectory";
    const string NotificationInbox = "clientrequests.notifications.v1.NotificationInbox";

    [Fact]
    public async Task Fifty_work_items_and_fifty_notifications_with_their_requests_and_departments_cost_one_call_per_service_per_level()
    {
        await using var gateway = await GatewayApp.StartAsync(FakeDirectories.With(clients: 10, requests: 50));
        using var carol = gateway.ClientFor(DemoUsers.Carol);

        var response = await carol.PostQueryAsync("""
            { me {
                unreadNotifications
                work(first: 50) { nodes { id status request { title workItems { status } } department { name } } pageInfo { hasNextPage } }
                notifications(first: 50) { nodes { kind request { title } } }
            } }
            """);
        var body = await response.JsonAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK && !body.TryGetProperty("errors", out _), body.ToString());

        var me = body.GetProperty("data").GetProperty("me");
        Assert.Equal(50, me.GetProperty("work").GetProperty("nodes").GetArrayLength());
        Assert.All(me.GetProperty("work").GetProperty("nodes").EnumerateArray(), n =>
        {
            Assert.StartsWith("Request ", n.GetProperty("request").GetProperty("title").GetString());
            Assert.Equal("Billing", n.GetProperty("department").GetProperty("name").GetString());
        });
        Assert.All(me.GetProperty("notifications").GetProperty("nodes").EnumerateArray(),
            n => Assert.StartsWith("Request ", n.GetProperty("request").GetProperty("title").GetString()));
        Assert.Equal(50, me.GetProperty("unreadNotifications").GetInt32());

        // The inbox page carries the unread count: one GetInbox answers both fields. The requests of the work items and of
        // the notifications are on the same level: one GetRequests for all hundred rows.
        Assert.Equal(1, gateway.Directories.Calls($"{DepartmentDirectory}/GetAssignedWork"));
        Assert.Equal(1, gateway.Directories.Calls($"{NotificationInbox}/GetInbox"));
        Assert.Equal(1, gateway.Directories.Calls($"{RequestDirectory}/GetRequests"));
        Assert.Equal(1, gateway.Directories.Calls($"{DepartmentDirectory}/ListDepartments"));
    }

    [Fact]
    public async Task The_unread_count_alone_asks_the_inbox_for_no_page()
    {
        await using var gateway = await GatewayApp.StartAsync(FakeDirectories.With(clients: 1, requests: 3));
        using var alice = gateway.ClientFor(DemoUsers.Alice);

        var body = await (await alice.PostQueryAsync("{ me { unreadNotifications } }")).JsonAsync();

        Assert.Equal(3, body.GetProperty("data").GetProperty("me").GetProperty("unreadNotifications").GetInt32());
        Assert.Equal(1, gateway.Directories.CallsTo(NotificationInbox));
    }

    [Theory]
    [InlineData("{ me { work(first: 0) { nodes { id } } } }")]
    [InlineData("{ me { notifications(first: 201) { nodes { id } } } }")]
    public async Task A_page_size_out_of_bounds_is_refused_without_calling_the_service(string query)
    {
        await using var gateway = await GatewayApp.StartAsync();
        using var carol = gateway.ClientFor(DemoUsers.Carol);

        var body = await (await carol.PostQueryAsync(query)).JsonAsync();

        Assert.Equal("BAD_REQUEST", body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(0, gateway.Directories.CallsTo(DepartmentDirectory) + gateway.Directories.CallsTo(NotificationInbox));
    }
}
