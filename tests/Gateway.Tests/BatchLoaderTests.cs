using ClientRequests.Gateway.GraphQL.Loaders;

namespace Gateway.Tests;

public sealed class BatchLoaderTests
{
    /// <summary>Squares numbers, two per call at most, and records each call's keys.</summary>
    sealed class SquareLoader : BatchLoader<int, string>
    {
        public List<int[]> Calls { get; } = [];

        protected override int MaxBatch => 2;

        protected override Task<IReadOnlyDictionary<int, string>> FetchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        {
            lock (Calls) Calls.Add([.. keys]);
            // Odd numbers are "unknown" to this service: left out of the answer.
            return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.Where(k => k % 2 == 0).ToDictionary(k => k, k => $"{k * k}"));
        }
    }

    [Fact]
    public async Task A_level_bigger_than_the_service_takes_is_fetched_in_calls_of_at_most_that_many_keys()
    {
        var loader = new SquareLoader();
        var results = Enumerable.Range(1, 5).Select(loader.Load).ToList();
        var values = new List<string?>();
        foreach (var result in results) values.Add(await result.GetResultAsync(TestContext.Current.CancellationToken));

        Assert.Equal([null, "4", null, "16", null], values);
        Assert.Equal([[1, 2], [3, 4], [5]], loader.Calls);
    }

    [Fact]
    public async Task A_level_within_the_limit_costs_one_call_and_a_key_asked_twice_is_fetched_once()
    {
        var loader = new SquareLoader();
        var first = loader.Load(2);
        var again = loader.Load(2);
        var other = loader.Load(4);

        Assert.Equal("4", await first.GetResultAsync(TestContext.Current.CancellationToken));
        Assert.Equal("4", await again.GetResultAsync(TestContext.Current.CancellationToken));
        Assert.Equal("16", await other.GetResultAsync(TestContext.Current.CancellationToken));
        Assert.Equal([[2, 4]], loader.Calls);
    }
}
