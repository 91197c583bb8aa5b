using ClientRequests.Departments.Grpc;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using Grpc.Core;
using Grpc.Net.Client;

namespace Departments.Tests;

/// <summary>GetAssignedWork: the items the token's user holds, soonest due first, never another member's.</summary>
public sealed class AssignedWorkGrpcTests(DepartmentsAppFixture fixture) : IClassFixture<DepartmentsAppFixture>
{
    DepartmentsApp App => fixture.App;

    static Metadata As(PlatformUser user) => new() { { "Authorization", $"Bearer {Tokens.For(user)}" } };

    [Fact]
    public async Task Lists_only_what_the_caller_holds_page_by_page_and_closed_items_on_request()
    {
        var agent = await App.NewAgentAsync("support");
        var colleague = await App.NewAgentAsync("support");
        var mine = new[] { await App.QueueWorkItemAsync("support", "P2"), await App.QueueWorkItemAsync("support", "P4") };
        var theirs = await App.QueueWorkItemAsync("support");
        foreach (var id in mine) (await App.ClientFor(agent).ActAsync("support", id, "claim")).EnsureSuccessStatusCode();
        (await App.ClientFor(colleague).ActAsync("support", theirs, "claim")).EnsureSuccessStatusCode();
        using var channel = GrpcChannel.ForAddress(App.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = App.Server.CreateHandler() });
        var client = new DepartmentDirectory.DepartmentDirectoryClient(channel);

        var first = await client.GetAssignedWorkAsync(new GetAssignedWorkRequest { Limit = 1 }, As(agent));
        var second = await client.GetAssignedWorkAsync(new GetAssignedWorkRequest { Limit = 1, After = first.NextCursor }, As(agent));
        var items = first.Items.Concat(second.Items).ToList();
        Assert.Equal("", second.NextCursor);
        Assert.Equal(mine.Select(id => id.ToString()).Order(), items.Select(i => i.Id).Order());
        Assert.All(items, i => Assert.Equal((agent.Id, "Claimed", "support"), (i.ClaimedBy, i.Status, i.DepartmentCode)));
        Assert.True(items[0].DueAtMs <= items[1].DueAtMs);
        Assert.Equal([theirs.ToString()], (await client.GetAssignedWorkAsync(new GetAssignedWorkRequest(), As(colleague))).Items.Select(i => i.Id));
        Assert.Empty((await client.GetAssignedWorkAsync(new GetAssignedWorkRequest { IncludeClosed = true }, As(DemoUsers.Alice))).Items);

        (await App.ClientFor(agent).ActAsync("support", mine[0], "start")).EnsureSuccessStatusCode();
        (await App.ClientFor(agent).ActAsync("support", mine[0], "complete", new { resolutionNote = "Done." })).EnsureSuccessStatusCode();
        var open = await client.GetAssignedWorkAsync(new GetAssignedWorkRequest(), As(agent));
        Assert.Equal([mine[1].ToString()], open.Items.Select(i => i.Id));
        var history = await client.GetAssignedWorkAsync(new GetAssignedWorkRequest { IncludeClosed = true }, As(agent));
        Assert.Equal([(mine[0].ToString(), "Completed"), (mine[1].ToString(), "Claimed")],
            history.Items.Select(i => (i.Id, i.Status)).OrderBy(i => i.Item1 == mine[0].ToString() ? 0 : 1));
    }

    [Fact]
    public async Task Items_held_in_a_department_the_token_no_longer_names_are_left_out()
    {
        var agent = await App.NewAgentAsync("support");
        var id = await App.QueueWorkItemAsync("support");
        (await App.ClientFor(agent).ActAsync("support", id, "claim")).EnsureSuccessStatusCode();
        using var channel = GrpcChannel.ForAddress(App.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = App.Server.CreateHandler() });
        var client = new DepartmentDirectory.DepartmentDirectoryClient(channel);

        var moved = agent with { Departments = ["legal"] };
        Assert.Empty((await client.GetAssignedWorkAsync(new GetAssignedWorkRequest(), As(moved))).Items);
        Assert.Single((await client.GetAssignedWorkAsync(new GetAssignedWorkRequest(), As(agent))).Items);
    }

    [Theory]
    [InlineData("not-a-cursor", 0, "after")]
    [InlineData("", 201, "limit")]
    [InlineData("", -1, "limit")]
    public async Task Refuses_a_bad_cursor_or_page_size_naming_the_field(string after, int limit, string field)
    {
        using var channel = GrpcChannel.ForAddress(App.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = App.Server.CreateHandler() });
        var client = new DepartmentDirectory.DepartmentDirectoryClient(channel);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            client.GetAssignedWorkAsync(new GetAssignedWorkRequest { After = after, Limit = limit }, As(DemoUsers.Carol)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith(field + ":", refused.Status.Detail);
    }
}
