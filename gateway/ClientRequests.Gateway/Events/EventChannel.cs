using System.Threading.Channels;

namespace ClientRequests.Gateway.Events;

/// <summary>
/// One subscription's events, filtered, from the time it was opened. Bounded: a subscriber that does not keep up loses
/// its oldest unread events rather than holding up the hub (each event only says "read again", so the next read
/// still shows the latest state).
/// </summary>
public sealed class EventChannel : IObserver<PlatformEvent>, IDisposable
{
    readonly Channel<PlatformEvent> channel = Channel.CreateBounded<PlatformEvent>(
        new BoundedChannelOptions(256) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    readonly Func<PlatformEvent, bool> wanted;
    readonly IDisposable subscription;

    public EventChannel(IObservable<PlatformEvent> source, Func<PlatformEvent, bool> wanted)
    {
        this.wanted = wanted;
        subscription = source.Subscribe(this);
    }

    /// <summary>Waits for at least one event and returns all that are waiting, so a burst costs one read.</summary>
    public async Task<IReadOnlyList<PlatformEvent>> NextAsync(CancellationToken cancellationToken)
    {
        if (!await channel.Reader.WaitToReadAsync(cancellationToken)) return [];
        var batch = new List<PlatformEvent>();
        while (channel.Reader.TryRead(out var change)) batch.Add(change);
        return batch;
    }

    public void OnNext(PlatformEvent value)
    {
        if (wanted(value)) channel.Writer.TryWrite(value);
    }

    public void OnError(Exception error) => channel.Writer.TryComplete(error);
    public void OnCompleted() => channel.Writer.TryComplete();
    public void Dispose() => subscription.Dispose();
}
