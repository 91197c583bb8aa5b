using ClientRequests.Departments.Grpc;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using Grpc.Core;
using Grpc.Net.Client;

namespace Departments.Tests;

/// <summary>The gRPC calls the gateway's GraphQL makes: departments, a queue page by cursor, the load per member.</summary>
public sealed class DirectoryGrpcTests(DepartmentsAppFixture fixture) : IClassFixture<DepartmentsAppFixture>
{
    DepartmentsApp App => fixture.App;

    DepartmentDirectory.DepartmentDirectoryClient Client(out GrpcChannel channel)
    {
        channel = GrpcChannel.ForAddress(App.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = App.Server.CreateHandler() });
        return new DepartmentDirectory.DepartmentDirectoryClient(channel);
    }

    static Metadata As(PlatformUser user) => new() { { "Authorization", $"Bearer {Tokens.For(user)}" } };

    [Fact]
    public async Task Lists_departments_in_a_batch_by_code()
    {
        var client = Client(out var channel);
        using var _ = channel;
        var reply = await client.ListDepartmentsAsync(new ListDepartmentsRequest { Codes = { "legal", "erp", "astrology" } }, As(DemoUsers.Frank));
        Assert.Equal(["erp", "legal"], reply.Departments.Select(d => d.Code));
        Assert.False(reply.Departments[0].Managed);
        Assert.Equal("department-legal", reply.Departments[1].Queue);
    }

    [Fact]
    public async Task Pages_a_queue_by_cursor_and_reports_the_load_of_each_member()
    {
        var agent = await App.NewAgentAsync("support");
        var ids = new[] { await App.QueueWorkItemAsync("support"), await App.QueueWorkItemAsync("support") };
        (await App.ClientFor(agent).ActAsync("support", ids[0], "claim")).EnsureSuccessStatusCode();
        var client = Client(out var channel);
        using var _ = channel;

        var first = await client.GetQueueAsync(new GetQueueRequest { DepartmentCode = "support", Limit = 1 }, As(agent));
        var second = await client.GetQueueAsync(new GetQueueRequest { DepartmentCode = "support", Limit = 1, After = first.NextCursor }, As(agent));
        Assert.Equal([ids[0].ToString(), ids[1].ToString()], first.Items.Concat(second.Items).Select(i => i.Id).Take(2));
        Assert.Equal(agent.Id, first.Items[0].ClaimedBy);

        var load = await client.GetLoadAsync(new GetLoadRequest { DepartmentCode = "support" }, As(agent));
        Assert.Equal(1, load.Members.Single(m => m.UserId == agent.Id).Load);
    }

    [Fact]
    public async Task Refuses_a_foreign_department_and_bad_arguments()
    {
        var client = Client(out var channel);
        using var _ = channel;
        var denied = await Assert.ThrowsAsync<RpcException>(() => client.GetQueueAsync(new GetQueueRequest { DepartmentCode = "legal" }, As(DemoUsers.Carol)).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        var invalid = await Assert.ThrowsAsync<RpcException>(() => client.GetQueueAsync(new GetQueueRequest { DepartmentCode = "billing", Sort = "mood" }, As(DemoUsers.Carol)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        var missing = await Assert.ThrowsAsync<RpcException>(() => client.GetLoadAsync(new GetLoadRequest { DepartmentCode = "astrology" }, As(DemoUsers.Grace)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Batched_queues_and_loads_leave_out_departments_the_caller_does_not_work_in()
    {
        // No work item of its own: the class shares one app, and another test counts on owning support's oldest items.
        var agent = await App.NewAgentAsync("support");
        var client = Client(out var channel);
        using var _ = channel;

        var queues = await client.GetQueuesAsync(new GetQueuesRequest { DepartmentCodes = { "support", "legal", "astrology" } }, As(agent));
        Assert.Equal("support", Assert.Single(queues.Queues).DepartmentCode);
        var single = await client.GetQueueAsync(new GetQueueRequest { DepartmentCode = "support" }, As(agent));
        Assert.Equal(single.Items.Select(i => i.Id), queues.Queues[0].Items.Select(i => i.Id));
        var loads = await client.GetLoadsAsync(new GetLoadsRequest { DepartmentCodes = { "support", "legal" } }, As(agent));
        Assert.Contains(Assert.Single(loads.Departments).Members, m => m.UserId == agent.Id);

        // An admin works in every department: each one asked for that exists comes back.
        var all = await client.GetQueuesAsync(new GetQueuesRequest { DepartmentCodes = { "support", "legal", "astrology" }, Limit = 1 }, As(DemoUsers.Grace));
        Assert.Equal(["legal", "support"], all.Queues.Select(q => q.DepartmentCode));
        Assert.All(all.Queues, q => Assert.True(q.Items.Count <= 1));
    }
}
