using ClientRequests.Contracts.Departments;
using ClientRequests.Departments.Consumers;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ClientRequests.Departments.Queues;

/// <summary>
/// Consumes the durable queue <c>department-{code}</c> of every managed department. Queues are connected at
/// run time because departments are data: one created through the API is connected without a restart, and one
/// deleted or made external is let go (its queue and messages stay in the broker). The service is not ready before
/// the first reconcile: a work item sent to a department whose queue is not bound yet would be dropped by the broker.
/// </summary>
public sealed class DepartmentQueues(IReceiveEndpointConnector connector, MessagingOptions messaging, QuorumQueueDeclarer declarer,
    ILogger<DepartmentQueues> logger) : IHealthCheck
{
    readonly Dictionary<string, HostReceiveEndpointHandle> connected = new(StringComparer.OrdinalIgnoreCase);
    readonly SemaphoreSlim gate = new(1, 1);
    volatile bool reconciledOnce;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(reconciledOnce ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Department queues not connected yet"));

    public bool IsConnected(string code) { lock (connected) return connected.ContainsKey(code); }

    public async Task ConnectAsync(string code)
    {
        await gate.WaitAsync();
        try { await ConnectCoreAsync(code); }
        finally { gate.Release(); }
    }

    public async Task DisconnectAsync(string code)
    {
        await gate.WaitAsync();
        try { await DisconnectCoreAsync(code); }
        finally { gate.Release(); }
    }

    /// <summary>An external department's queue exists before its system first connects, so nothing sent to it is lost.</summary>
    public Task DeclareExternalAsync(string code) => declarer.DeclareAsync(DepartmentQueue.Name(code));

    /// <summary>
    /// Makes the connected queues those of the departments <paramref name="load"/> reads. The read happens under the
    /// same gate as the API's connects: a department created meanwhile is either in the read or connected after it,
    /// never mistaken for a stale one and let go.
    /// </summary>
    public async Task ReconcileAsync(Func<Task<(IReadOnlyCollection<string> Managed, IReadOnlyCollection<string> External)>> load)
    {
        await gate.WaitAsync();
        try
        {
            var (managedCodes, externalCodes) = await load();
            foreach (var code in externalCodes) await DeclareExternalAsync(code);
            foreach (var code in managedCodes) await ConnectCoreAsync(code);
            string[] stale;
            lock (connected) stale = connected.Keys.Where(code => !managedCodes.Contains(code, StringComparer.OrdinalIgnoreCase)).ToArray();
            foreach (var code in stale) await DisconnectCoreAsync(code);
            reconciledOnce = true;
        }
        finally { gate.Release(); }
    }

    async Task ConnectCoreAsync(string code)
    {
        if (IsConnected(code)) return;
        var handle = connector.ConnectReceiveEndpoint(DepartmentQueue.Name(code), (context, endpoint) =>
        {
            messaging.ConfigureQueue(endpoint);
            endpoint.ConfigureConsumer<AssignWorkItemConsumer>(context);
        });
        await handle.Ready;
        lock (connected) connected[code] = handle;
        logger.LogInformation("Consuming queue {Queue}", DepartmentQueue.Name(code));
    }

    async Task DisconnectCoreAsync(string code)
    {
        HostReceiveEndpointHandle? handle;
        lock (connected) connected.Remove(code, out handle);
        if (handle is null) return;
        await handle.StopAsync();
        logger.LogInformation("No longer consuming queue {Queue}", DepartmentQueue.Name(code));
    }
}
