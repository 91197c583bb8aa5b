namespace ClientRequests.Gateway.GraphQL.Subscriptions;

/// <summary>
/// An <see cref="IObservable{T}"/> over an async sequence (GraphQL.NET's subscriptions take observables; System.Reactive
/// is not needed for one adapter). Each subscriber runs its own sequence; disposing the subscription cancels it.
/// </summary>
public sealed class AsyncObservable<T>(Func<CancellationToken, IAsyncEnumerable<T>> sequence) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        var stop = new CancellationTokenSource();
        _ = RunAsync(observer, stop.Token);
        return new Subscription(stop);
    }

    async Task RunAsync(IObserver<T> observer, CancellationToken cancellationToken)
    {
        try
        {
            // Subscribe returns before the first result is pushed: the subscriber may not be ready for it yet.
            await Task.Yield();
            await foreach (var item in sequence(cancellationToken).WithCancellation(cancellationToken)) observer.OnNext(item);
            observer.OnCompleted();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The subscriber left; nobody is listening for a completion.
        }
        catch (Exception error)
        {
            observer.OnError(error);
        }
    }

    sealed class Subscription(CancellationTokenSource stop) : IDisposable
    {
        public void Dispose()
        {
            stop.Cancel();
            stop.Dispose();
        }
    }
}
