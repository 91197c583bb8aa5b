using System.Net;
using System.Net.ServerSentEvents;
using System.Text.Json;
using ClientRequests.Notifications.Apis;
using ClientRequests.ServiceDefaults.Paging;
using static ClientRequests.Notifications.Apis.InboxApi;
using static Notifications.Tests.Scenario;

namespace Notifications.Tests;

public sealed class StreamTests : IAsyncLifetime
{
    static readonly JsonSerializerOptions json = new(JsonSerializerDefaults.Web);
    NotificationsApp app = null!;

    public async ValueTask InitializeAsync() => app = await NotificationsApp.StartAsync(new Dictionary<string, string?>
    {
        ["Notifications:Stream:PollInterval"] = "00:00:00.100",
    });

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task A_new_notification_arrives_on_the_open_stream_with_a_cursor_as_its_id()
    {
        var manager = NewManager();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var events = await OpenAsync(app.ClientFor(manager), lastEventId: null, timeout.Token);
        var submitted = Submitted(manager);

        await app.PublishAsync(submitted);

        var item = await NextNotificationAsync(events, timeout.Token);
        Assert.Equal(submitted.RequestId, JsonSerializer.Deserialize<NotificationView>(item.Data, json)!.RequestId);
        Assert.True(Cursor.TryDecode(item.EventId, out var cursor) && cursor is not null);
    }

    [Fact]
    public async Task Reconnecting_with_Last_Event_ID_replays_only_what_came_after_it()
    {
        var manager = NewManager();
        await app.PublishAsync(Submitted(manager));
        await app.PublishAsync(Submitted(manager));
        var inbox = await InboxEventuallyAsync(app.ClientFor(manager), i => i.Count == 2);
        var (newer, older) = (inbox[0], inbox[1]);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var events = await OpenAsync(app.ClientFor(manager), new Cursor(older.CreatedAt, older.Id).Encode(), timeout.Token);

        var item = await NextNotificationAsync(events, timeout.Token);
        Assert.Equal(newer.Id, JsonSerializer.Deserialize<NotificationView>(item.Data, json)!.Id);
        Assert.Equal(new Cursor(newer.CreatedAt, newer.Id).Encode(), item.EventId);
    }

    [Fact]
    public async Task The_stream_opens_at_once_with_a_heartbeat_rather_than_after_the_first_interval()
    {
        // The heartbeat interval is the default 15 s here; the answer's headers and first event must not wait for it.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await using var events = await OpenAsync(app.ClientFor(NewManager()), lastEventId: null, timeout.Token);

        Assert.True(await events.MoveNextAsync());
        Assert.Equal(StreamApi.HeartbeatEvent, events.Current.EventType);
    }

    [Fact]
    public async Task A_Last_Event_ID_this_service_did_not_issue_is_a_400()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/notifications/stream");
        request.Headers.Add("Last-Event-ID", "forged");

        var response = await app.ClientFor(NewManager()).SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    static async Task<IAsyncEnumerator<SseItem<string>>> OpenAsync(HttpClient client, string? lastEventId, CancellationToken cancellationToken)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/notifications/stream");
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        return SseParser.Create(stream).EnumerateAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    static async Task<SseItem<string>> NextNotificationAsync(IAsyncEnumerator<SseItem<string>> events, CancellationToken cancellationToken)
    {
        while (await events.MoveNextAsync())
        {
            if (events.Current.EventType == StreamApi.NotificationEvent) return events.Current;
        }
        throw new InvalidOperationException("The stream ended without a notification.");
    }
}
