using ClientRequests.Notifications.Grpc;
using ClientRequests.ServiceDefaults.Security;
using ClientRequests.TestKit;
using Grpc.Core;
using Grpc.Net.Client;
using static Notifications.Tests.Scenario;

namespace Notifications.Tests;

/// <summary>The inbox as the gateway reads it over gRPC: the token's user's own, marked read all or nothing.</summary>
public sealed class InboxGrpcTests(NotificationsAppFixture fixture) : IClassFixture<NotificationsAppFixture>
{
    NotificationsApp App => fixture.App;

    static Metadata As(PlatformUser user) => new() { { "Authorization", $"Bearer {Tokens.For(user)}" } };

    async Task<PlatformUser> NotifiedAsync(int events)
    {
        var user = NewManager();
        // Submitted by someone else, so the manager is told (the opener is left out).
        for (var i = 0; i < events; i++) await App.PublishAsync(Submitted(user) with { OpenedBy = "someone-else" });
        var inbox = await InboxEventuallyAsync(App.ClientFor(user), inbox => inbox.Count == events);
        Assert.Equal(events, inbox.Count);
        return user;
    }

    NotificationInbox.NotificationInboxClient Client(out GrpcChannel channel)
    {
        channel = GrpcChannel.ForAddress(App.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = App.Server.CreateHandler() });
        return new NotificationInbox.NotificationInboxClient(channel);
    }

    [Fact]
    public async Task Pages_the_callers_inbox_newest_first_with_the_unread_count()
    {
        var user = await NotifiedAsync(3);
        var client = Client(out var channel);
        using var _ = channel;

        var first = await client.GetInboxAsync(new GetInboxRequest { Limit = 2 }, As(user));
        var second = await client.GetInboxAsync(new GetInboxRequest { Limit = 2, After = first.NextCursor }, As(user));
        var count = await client.GetInboxAsync(new GetInboxRequest { CountOnly = true }, As(user));

        Assert.Equal(3, first.UnreadCount);
        Assert.Equal(2, first.Notifications.Count);
        Assert.Equal("", second.NextCursor);
        var all = first.Notifications.Concat(second.Notifications).ToList();
        Assert.Equal(3, all.Select(n => n.Id).Distinct().Count());
        Assert.Equal(all.OrderByDescending(n => n.CreatedAtMs).Select(n => n.Id), all.Select(n => n.Id));
        Assert.All(all, n => Assert.Equal((0L, "request-submitted"), (n.ReadAtMs, n.Kind)));
        Assert.Empty(count.Notifications);
        Assert.Equal(3, count.UnreadCount);
    }

    [Fact]
    public async Task Marks_read_only_the_callers_own_and_all_or_nothing()
    {
        var user = await NotifiedAsync(2);
        var stranger = await NotifiedAsync(1);
        var client = Client(out var channel);
        using var _ = channel;
        var mine = (await client.GetInboxAsync(new GetInboxRequest(), As(user))).Notifications.Select(n => n.Id).ToList();
        var theirs = (await client.GetInboxAsync(new GetInboxRequest(), As(stranger))).Notifications.Single().Id;

        // One of the ids is the stranger's: NOT_FOUND, and the caller's own one is left unread too.
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            client.MarkReadAsync(new MarkReadRequest { Ids = { mine[0], theirs } }, As(user)).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, refused.StatusCode);
        Assert.Equal(2, (await client.GetInboxAsync(new GetInboxRequest { CountOnly = true }, As(user))).UnreadCount);
        Assert.Equal(1, (await client.GetInboxAsync(new GetInboxRequest { CountOnly = true }, As(stranger))).UnreadCount);

        var marked = await client.MarkReadAsync(new MarkReadRequest { Ids = { mine[0], mine[0] } }, As(user));
        Assert.Equal((1, 1), (marked.Marked, marked.UnreadCount));
        var again = await client.MarkReadAsync(new MarkReadRequest { Ids = { mine[0] } }, As(user));
        Assert.Equal((0, 1), (again.Marked, again.UnreadCount));
        var unread = await client.GetInboxAsync(new GetInboxRequest { UnreadOnly = true }, As(user));
        Assert.Equal([mine[1]], unread.Notifications.Select(n => n.Id));

        var all = await client.MarkReadAsync(new MarkReadRequest { All = true }, As(user));
        Assert.Equal((1, 0), (all.Marked, all.UnreadCount));
        Assert.Equal(1, (await client.GetInboxAsync(new GetInboxRequest { CountOnly = true }, As(stranger))).UnreadCount);
    }

    [Fact]
    public async Task Refuses_bad_arguments_naming_the_field()
    {
        var client = Client(out var channel);
        using var _ = channel;
        var user = NewManager();
        var cases = new (Func<Task> Call, string Field)[]
        {
            (async () => await client.GetInboxAsync(new GetInboxRequest { After = "not-a-cursor" }, As(user)), "after"),
            (async () => await client.GetInboxAsync(new GetInboxRequest { Limit = 201 }, As(user)), "limit"),
            (async () => await client.MarkReadAsync(new MarkReadRequest(), As(user)), "ids"),
            (async () => await client.MarkReadAsync(new MarkReadRequest { Ids = { "not-a-guid" } }, As(user)), "ids"),
            (async () => await client.MarkReadAsync(new MarkReadRequest { Ids = { Enumerable.Range(0, 101).Select(_ => Guid.NewGuid().ToString()) } }, As(user)), "ids"),
        };
        foreach (var (call, field) in cases)
        {
            var refused = await Assert.ThrowsAsync<RpcException>(call);
            Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
            Assert.StartsWith(field + ":", refused.Status.Detail);
        }
    }

    [Fact]
    public async Task The_inbox_needs_a_token()
    {
        var client = Client(out var channel);
        using var _ = channel;

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.GetInboxAsync(new GetInboxRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }
}
