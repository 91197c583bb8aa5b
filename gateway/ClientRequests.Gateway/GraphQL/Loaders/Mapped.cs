using GraphQL.DataLoader;

namespace ClientRequests.Gateway.GraphQL.Loaders;

/// <summary>Shapes a loaded value without giving up the batching: the executor still awaits it with its level.</summary>
public static class Mapped
{
    public static IDataLoaderResult<TResult> Then<TSource, TResult>(this IDataLoaderResult<TSource> source, Func<TSource, TResult> map) =>
        new Result<TSource, TResult>(source, map);

    sealed class Result<TSource, TResult>(IDataLoaderResult<TSource> source, Func<TSource, TResult> map) : IDataLoaderResult<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await source.GetResultAsync(cancellationToken));

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => await GetResultAsync(cancellationToken);
    }
}
