namespace ClientRequests.Messaging.Outbox;

/// <summary>Wakes the dispatcher as soon as outbox rows are committed, so it need not poll tightly.</summary>
public sealed class OutboxSignal
{
    readonly SemaphoreSlim pending = new(0, 1);

    public void Notify()
    {
        // Every save of a busy service signals: checking first keeps an exception per save off the hot path.
        if (pending.CurrentCount > 0) return;
        try { pending.Release(); }
        catch (SemaphoreFullException) { /* signalled by another thread in between */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        pending.WaitAsync(timeout, cancellationToken);
}
