using System.Net.Http.Json;
using ClientRequests.Requests.Grpc;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using Grpc.Core;
using Grpc.Net.Client;
using static Requests.Tests.Api.Scenario;

namespace Requests.Tests.Api;

/// <summary>The gateway's gRPC reads, with the REST API's access rules.</summary>
public sealed class GrpcTests(RequestsAppFixture fixture) : IClassFixture<RequestsAppFixture>
{
    RequestsApp App => fixture.App;

    RequestDirectory.RequestDirectoryClient Directory() =>
        new(GrpcChannel.ForAddress(App.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = App.Server.CreateHandler() }));

    static Metadata As(PlatformUser user) => new() { { "Authorization", $"Bearer {Tokens.For(user)}" } };

    [Fact]
    public async Task Many_requests_by_id_leave_out_those_the_caller_may_not_see()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        using var mallory = App.ClientFor(DemoUsers.Mallory);
        var mine = await OpenAsync(alice);
        var also = await OpenAsync(alice, "contract-change");
        var hers = (await (await mallory.PostAsync("/api/requests", JsonContent.Create(Body(clientId: TestClients.Initech))))
            .Content.ReadFromJsonAsync<ClientRequests.Requests.Apis.RequestView>())!;

        var reply = await Directory().GetRequestsAsync(new GetRequestsRequest { RequestIds = { mine.Id.ToString(), also.Id.ToString(), hers.Id.ToString(), Guid.NewGuid().ToString() } },
            As(DemoUsers.Alice));

        Assert.Equal(new[] { mine.Id, also.Id }.Order(), reply.Requests.Select(r => Guid.Parse(r.Id)).Order());
        Assert.Equal(["billing", "legal"], reply.Requests.Single(r => r.Id == also.Id.ToString()).WorkItems.Select(w => w.DepartmentCode));
    }

    [Fact]
    public async Task Bytes_that_are_not_a_request_message_are_InvalidArgument_and_a_good_call_still_works()
    {
        var raw = Marshallers.Create(bytes => bytes, bytes => bytes);
        var method = new Method<byte[], byte[]>(MethodType.Unary, "clientrequests.requests.v1.RequestDirectory", "GetRequests", raw, raw);
        var invoker = GrpcChannel.ForAddress(App.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = App.Server.CreateHandler() })
            .CreateCallInvoker();

        // Field 1 announced as a 100-byte string with only two bytes behind it.
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            invoker.AsyncUnaryCall(method, null, new CallOptions(As(DemoUsers.Alice)), [0x0A, 100, 0x41, 0x42]).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("GetRequests", error.Status.Detail);
        var reply = await Directory().GetRequestsAsync(new GetRequestsRequest { RequestIds = { Guid.NewGuid().ToString() } }, As(DemoUsers.Alice));
        Assert.Empty(reply.Requests);
    }

    [Fact]
    public async Task A_list_pages_by_cursor_and_a_timeline_is_read_in_order()
    {
        using var alice = App.ClientFor(DemoUsers.Alice);
        var first = await OpenAsync(alice);
        var second = await OpenAsync(alice);
        var client = Directory();

        var page = await client.ListRequestsAsync(new ListRequestsRequest { ClientId = TestClients.Acme.ToString(), Limit = 1 }, As(DemoUsers.Alice));
        var next = await client.ListRequestsAsync(new ListRequestsRequest { ClientId = TestClients.Acme.ToString(), Limit = 1, After = page.NextCursor }, As(DemoUsers.Alice));
        Assert.Equal([second.Id.ToString(), first.Id.ToString()], new[] { page.Requests.Single().Id, next.Requests.Single().Id });

        var timeline = await client.GetTimelineAsync(new GetTimelineRequest { RequestId = first.Id.ToString() }, As(DemoUsers.Alice));
        Assert.Contains(timeline.Entries, e => e.Kind == "submitted" && e.ActorId == "alice");

        var bad = await Assert.ThrowsAsync<RpcException>(() => client.ListRequestsAsync(new ListRequestsRequest { Status = "Lost" }, As(DemoUsers.Alice)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.Contains("status", bad.Status.Detail);
        var hidden = await Assert.ThrowsAsync<RpcException>(() => client.GetTimelineAsync(new GetTimelineRequest { RequestId = first.Id.ToString() }, As(DemoUsers.Mallory)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, hidden.StatusCode);
    }

    [Theory]
    [InlineData(long.MaxValue, 0)]
    [InlineData(-62_135_596_801, 0)]   // a second before 0001-01-01
    [InlineData(0, -1)]
    [InlineData(0, 1_000_000_000)]
    public async Task A_time_outside_what_a_timestamp_may_hold_is_InvalidArgument_naming_the_field(long seconds, int nanos)
    {
        var bad = await Assert.ThrowsAsync<RpcException>(() => Directory().ListRequestsAsync(
            new ListRequestsRequest { To = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = seconds, Nanos = nanos } }, As(DemoUsers.Alice)).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.StartsWith("to:", bad.Status.Detail);
    }
}
