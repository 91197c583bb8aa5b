using System.Security.Claims;
using ClientRequests.Gateway.Events;
using ClientRequests.Gateway.GraphQL.Loaders;
using Microsoft.Extensions.DependencyInjection;

namespace ClientRequests.Gateway.GraphQL.Subscriptions;

/// <summary>What every subscription stream shares: it ends when the caller's token does, and each result reads afresh.</summary>
public static class SubscriptionLifetime
{
    /// <summary>
    /// Cancelled when the token the stream was opened with expires: a stream must not outlive the right to read it.
    /// The caller reconnects with a fresh token and is authorised again.
    /// </summary>
    public static CancellationTokenSource UntilTokenExpires(ClaimsPrincipal user, CancellationToken stopped)
    {
        var lifetime = CancellationTokenSource.CreateLinkedTokenSource(stopped);
        if (long.TryParse(user.FindFirst("exp")?.Value, out var exp))
        {
            var left = DateTimeOffset.FromUnixTimeSeconds(exp) - DateTimeOffset.UtcNow;
            lifetime.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
        return lifetime;
    }

    /// <summary>The next events, or null once the stream is over (the subscriber left or the token expired).</summary>
    public static async Task<IReadOnlyList<PlatformEvent>?> NextAsync(EventChannel events, CancellationToken lifetime)
    {
        try
        {
            var batch = await events.NextAsync(lifetime);
            return batch.Count == 0 ? null : batch;
        }
        catch (OperationCanceledException) when (lifetime.IsCancellationRequested)
        {
            return null;
        }
    }

    public static void ForgetLoadedData(IServiceProvider services)
    {
        foreach (var loader in services.GetServices<IBatchLoader>()) loader.Forget();
    }
}
