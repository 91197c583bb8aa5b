using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClientRequests.ServiceDiscovery.Eureka;

/// <summary>
/// Registers this instance (STARTING), marks it UP once the host has started, renews the lease and
/// cancels it on shutdown. It never throws out of the loop: a registry outage must not stop the service.
/// </summary>
public sealed partial class EurekaRegistrationService(
    EurekaHttpClient client,
    InstanceInfoFactory instanceFactory,
    IOptions<EurekaInstanceOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<EurekaRegistrationService> logger) : BackgroundService
{
    private volatile EurekaInstance? _registered;

    // Set before each registration: if shutdown cancels the POST after the server stored it, we still cancel.
    private volatile EurekaInstance? _attempted;
    private bool _everRegistered;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var instance = instanceFactory.Create();
        var interval = TimeSpan.FromSeconds(options.Value.LeaseRenewalIntervalInSeconds);
        var started = WhenStarted(stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var wanted = started.IsCompleted ? EurekaInstance.Up : EurekaInstance.Starting;
                if (await StepAsync(instance with { Status = wanted }, stoppingToken))
                {
                    continue; // the server forgot us: register again now, not a lease interval later
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                Log.Unexpected(logger, ex);
            }

            // Wake early when the host finishes starting, so UP is reported at once.
            var delay = Task.Delay(interval, timeProvider, stoppingToken);
            await Task.WhenAny(delay, started.IsCompleted ? delay : started); // WhenAny never throws
        }
    }

    /// <summary>One step of the lease: returns true when the next step should follow immediately.</summary>
    private async Task<bool> StepAsync(EurekaInstance wanted, CancellationToken ct)
    {
        var current = _registered;
        if (current is null)
        {
            // The first registration always says STARTING (callers must not route here before we are ready);
            // a re-registration after a 404 states what we are now.
            var registering = _everRegistered ? wanted : wanted with { Status = EurekaInstance.Starting };
            _attempted = registering;
            if (await client.RegisterAsync(registering, ct) == EurekaCallResult.Ok)
            {
                _registered = registering;
                _everRegistered = true;
                Log.Registered(logger, registering.App, registering.InstanceId, registering.Status);
                return registering.Status != wanted.Status;
            }

            return false;
        }

        var result = current.Status != wanted.Status
            ? await client.UpdateStatusAsync(current, wanted.Status, ct)
            : await client.RenewAsync(current, ct);
        if (result == EurekaCallResult.Ok && current.Status != wanted.Status)
        {
            _registered = wanted;
            Log.StatusChanged(logger, wanted.App, wanted.InstanceId, wanted.Status);
        }
        else if (result == EurekaCallResult.NotFound)
        {
            Log.NotKnown(logger, current.App, current.InstanceId);
            _registered = null;
            return true;
        }

        return false;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if ((_registered ?? _attempted) is { } instance)
        {
            // Cancel explicitly so callers stop routing here now, not after the lease expires.
            var result = await client.CancelAsync(instance, cancellationToken);
            Log.Cancelled(logger, instance.App, instance.InstanceId, result);
            _registered = _attempted = null;
        }
    }

    private Task WhenStarted(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        stoppingToken.Register(() => started.TrySetCanceled());
        return started.Task;
    }

    private static partial class Log
    {
        [LoggerMessage(10, LogLevel.Information, "Registered {App}/{InstanceId} with Eureka as {Status}")]
        public static partial void Registered(ILogger logger, string app, string instanceId, string status);

        [LoggerMessage(11, LogLevel.Information, "Eureka status of {App}/{InstanceId} is now {Status}")]
        public static partial void StatusChanged(ILogger logger, string app, string instanceId, string status);

        [LoggerMessage(12, LogLevel.Warning, "Eureka does not know {App}/{InstanceId} (404 on renew): registering again")]
        public static partial void NotKnown(ILogger logger, string app, string instanceId);

        [LoggerMessage(13, LogLevel.Information, "Cancelled the Eureka lease of {App}/{InstanceId}: {Result}")]
        public static partial void Cancelled(ILogger logger, string app, string instanceId, EurekaCallResult result);

        [LoggerMessage(14, LogLevel.Error, "Eureka registration step failed; retrying at the next interval")]
        public static partial void Unexpected(ILogger logger, Exception exception);
    }
}
