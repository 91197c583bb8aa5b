using GraphQL.DataLoader;

namespace ClientRequests.Gateway.GraphQL.Loaders;

/// <summary>
/// Collects the keys a whole level of the query asks for and fetches them in one call. GraphQL.NET resolves every
/// field of a level first and only then awaits the <see cref="IDataLoaderResult"/>s it was handed, so the first await
/// finds every key of the level pending. Scoped: one instance per HTTP request, which also caches what it fetched.
/// </summary>
public abstract class BatchLoader<TKey, TValue> : IBatchLoader where TKey : notnull where TValue : class
{
    readonly Lock gate = new();
    readonly List<TKey> pending = [];
    readonly Dictionary<TKey, Task<TValue?>> started = [];

    /// <summary>The most keys the service takes in one call; a bigger level costs one call per this many keys.</summary>
    protected virtual int MaxBatch => int.MaxValue;

    /// <summary>Fetches many keys in one call; keys left out of the answer resolve to null.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (gate)
        {
            if (!started.ContainsKey(key) && !pending.Contains(key)) pending.Add(key);
        }
        return new Result(this, key);
    }

    Task<TValue?> ResolveAsync(TKey key, CancellationToken cancellationToken)
    {
        IReadOnlyList<TKey> batch;
        lock (gate)
        {
            var isPending = pending.Contains(key);
            if (!isPending && started.TryGetValue(key, out var known)) return known;
            // Forgotten while its result was on the way: fetched again with whatever else is pending.
            if (!isPending) pending.Add(key);
            batch = pending.ToList();
            pending.Clear();
            foreach (var chunk in batch.Chunk(MaxBatch))
            {
                var fetch = FetchAsync(chunk, cancellationToken);
                foreach (var k in chunk) started[k] = PickAsync(fetch, k);
            }
            return started[key];
        }
    }

    public void Forget()
    {
        lock (gate) started.Clear();
    }

    static async Task<TValue?> PickAsync(Task<IReadOnlyDictionary<TKey, TValue>> fetch, TKey key) =>
        (await fetch).GetValueOrDefault(key);

    sealed class Result(BatchLoader<TKey, TValue> loader, TKey key) : IDataLoaderResult<TValue?>
    {
        public Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default) => loader.ResolveAsync(key, cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}

/// <summary>
/// A subscription lives as long as its HTTP request, and so do the request's loaders: before each new result it makes
/// them forget what they fetched, so every result shows the services' data as it is then.
/// </summary>
public interface IBatchLoader
{
    void Forget();
}
