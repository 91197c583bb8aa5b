namespace ClientRequests.Gateway.Events;

/// <summary>
/// The gateway instance's in-process fan-out: the broker feed publishes each event once, every open subscription of
/// this instance sees it. Observers must not block (subscriptions hand events to their own channel and return).
/// </summary>
public sealed class PlatformEventHub(ILogger<PlatformEventHub> logger) : IObservable<PlatformEvent>
{
    readonly Lock gate = new();
    IObserver<PlatformEvent>[] observers = [];

    public int Subscribers => Volatile.Read(ref observers).Length;

    public void Publish(PlatformEvent change)
    {
        foreach (var observer in Volatile.Read(ref observers))
        {
            try
            {
                observer.OnNext(change);
            }
            catch (Exception error)
            {
                // One broken subscriber must not keep the event from the others, nor fault the broker message.
                logger.LogWarning(error, "A subscriber failed on {Kind} for request {RequestId}", change.Kind, change.RequestId);
            }
        }
    }

    public IDisposable Subscribe(IObserver<PlatformEvent> observer)
    {
        lock (gate) observers = [.. observers, observer];
        return new Unsubscriber(this, observer);
    }

    void Remove(IObserver<PlatformEvent> observer)
    {
        lock (gate) observers = observers.Where(o => o != observer).ToArray();
    }

    sealed class Unsubscriber(PlatformEventHub hub, IObserver<PlatformEvent> observer) : IDisposable
    {
        public void Dispose() => hub.Remove(observer);
    }
}
