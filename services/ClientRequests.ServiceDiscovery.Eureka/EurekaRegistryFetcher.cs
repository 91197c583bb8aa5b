using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClientRequests.ServiceDiscovery.Eureka;

/// <summary>
/// Keeps <see cref="EurekaRegistryCache"/> current: one full fetch, then deltas, with a full fetch again
/// whenever a delta does not reconcile or a fetch failed. Failures leave the last good cache serving.
/// </summary>
public sealed partial class EurekaRegistryFetcher(
    EurekaHttpClient client,
    EurekaRegistryCache cache,
    IOptions<EurekaClientOptions> options,
    TimeProvider timeProvider,
    ILogger<EurekaRegistryFetcher> logger) : BackgroundService
{
    private bool _needFull = true;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var interval = TimeSpan.FromSeconds(options.Value.RegistryFetchIntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            await FetchOnceAsync(stoppingToken);
            await Task.Delay(interval, timeProvider, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async Task FetchOnceAsync(CancellationToken ct)
    {
        try
        {
            if (_needFull || !cache.HasFullRegistry)
            {
                await FetchFullAsync(ct);
                return;
            }

            var delta = await client.GetApplicationsAsync(delta: true, ct);
            var local = cache.ApplyDelta(delta.Instances);
            if (delta.AppsHashCode is { } remote && remote != local)
            {
                Log.HashMismatch(logger, local, remote);
                await FetchFullAsync(ct);
            }
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            _needFull = true;
            Log.FetchFailed(logger, ex.Message, ex);
        }
    }

    private async Task FetchFullAsync(CancellationToken ct)
    {
        _needFull = true;
        var applications = await client.GetApplicationsAsync(delta: false, ct);
        cache.ReplaceAll(applications.Instances);
        _needFull = false;
        Log.FullFetch(logger, applications.Instances.Count);
    }

    private static partial class Log
    {
        [LoggerMessage(20, LogLevel.Debug, "Fetched the full Eureka registry: {Count} instances")]
        public static partial void FullFetch(ILogger logger, int count);

        [LoggerMessage(21, LogLevel.Information, "Eureka delta does not reconcile (local {Local}, server {Remote}): fetching the full registry")]
        public static partial void HashMismatch(ILogger logger, string local, string remote);

        [LoggerMessage(22, LogLevel.Warning, "Eureka registry fetch failed, serving the last good cache: {Reason}")]
        public static partial void FetchFailed(ILogger logger, string reason, Exception exception);
    }
}
